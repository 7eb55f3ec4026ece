import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, test } from 'node:test';

import { firstFrame } from './first-frame.js';

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
