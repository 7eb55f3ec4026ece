import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';

import { createAtOnce, firstFrame } from './first-frame.js';

// The part of rrweb's Replayer that announces a rebuilt full snapshot.
function replayer() {
  const emitter = new EventEmitter();
  return { on: (name, handler) => emitter.on(name, handler), off: (name, handler) => emitter.off(name, handler), emit: (name) => emitter.emit(name) };
}

describe('firstFrame', () => {
  test('resolves after the rest of the task that drew the snapshot, before any other task', async () => {
    const drawing = replayer();
    const order = [];
    const frame = firstFrame(drawing).then(() => order.push('resolved'));

    setTimeout(() => {
      setTimeout(() => order.push('a task queued meanwhile'), 0);
      drawing.emit('fullsnapshot-rebuilded');
      order.push('rest of the drawing task');
    }, 0);
    await frame;
    await new Promise((resolve) => setTimeout(resolve, 5));

    assert.deepEqual(order, ['rest of the drawing task', 'resolved', 'a task queued meanwhile']);
  });

  test('stops listening once resolved', async () => {
    const drawing = replayer();
    let removed = false;
    const off = drawing.off;
    drawing.off = (name, handler) => {
      removed = true;
      off(name, handler);
    };

    const frame = firstFrame(drawing);
    drawing.emit('fullsnapshot-rebuilded');
    await frame;

    assert.equal(removed, true);
  });
});

describe('createAtOnce', () => {
  // what rrweb's Replayer does in its constructor: the first size, then the first full snapshot, later
  function constructor(order) {
    setTimeout(() => order.push('size'), 0);
    setTimeout(() => order.push('snapshot'), 1);
    return { name: 'replayer' };
  }

  test("runs the constructor's short timers when started, in order, within the caller's task", async () => {
    const order = [];
    const { replayer, start } = createAtOnce(() => constructor(order));
    setTimeout(() => order.push('a task queued meanwhile'), 0);
    assert.equal(replayer.name, 'replayer');
    assert.deepEqual(order, []);
    start();
    order.push('positioned');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(order, ['size', 'snapshot', 'positioned', 'a task queued meanwhile']);
  });

  test('leaves longer timers, and every timer set after the constructor, to the browser', async () => {
    const order = [];
    const { start } = createAtOnce(() => setTimeout(() => order.push('later'), 5));
    start();
    setTimeout(() => order.push('after'), 0);
    assert.deepEqual(order, []);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(order, ['after', 'later']);
  });

  test('reports a failing step as a timer would, and runs the next', () => {
    const order = [];
    const reported = [];
    const platform = { setTimeout: () => 1, reportError: (error) => reported.push(error.message) };
    const { start } = createAtOnce(() => {
      platform.setTimeout(() => {
        throw new Error('broken snapshot');
      }, 0);
      platform.setTimeout(() => order.push('next'), 1);
    }, platform);
    start();
    assert.deepEqual(reported, ['broken snapshot']);
    assert.deepEqual(order, ['next']);
  });
});
