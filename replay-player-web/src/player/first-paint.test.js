import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useGlobals } from '../testing/fakes.js';
import { afterFirstMoment, inSlices } from './first-paint.js';
import { PlayerState } from './state.js';

// a controller whose state the test sets, as the player's does
class FakeController extends EventTarget {
  state = PlayerState.LOADING;
  waiting = false;

  move(waiting) {
    this.waiting = waiting;
    this.dispatchEvent(new Event('waitingchange'));
  }

  set(state) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('afterFirstMoment', () => {
  test('waits while the player loads, then for the frame after it showed the moment', async (t) => {
    const frames = [];
    useGlobals(t, { requestAnimationFrame: (callback) => frames.push(callback) });
    const controller = new FakeController();
    let done = false;
    afterFirstMoment(controller).then(() => {
      done = true;
    });
    await tick();
    controller.set(PlayerState.LOADING);
    await tick();
    assert.equal(frames.length, 0);
    controller.set(PlayerState.PAUSED);
    await tick();
    assert.equal(done, false, 'not before the frame');
    assert.equal(frames.length, 1);
    frames[0]();
    await tick();
    assert.equal(done, true);
  });

  test('does not wait for a player that already showed its moment or failed', async (t) => {
    useGlobals(t, { requestAnimationFrame: (callback) => setTimeout(callback, 0) });
    const controller = new FakeController();
    controller.state = PlayerState.ERROR;
    await afterFirstMoment(controller);
  });
});

describe('inSlices', () => {
  test('runs every step in order, giving way to the browser between slices', async (t) => {
    useGlobals(t, { scheduler: undefined, requestAnimationFrame: (callback) => setTimeout(callback, 0) });
    const steps = [];
    let between = 0;
    const timer = setInterval(() => between++, 0);
    t.after(() => clearInterval(timer));
    const complete = await inSlices(new FakeController(), 5, (i) => steps.push(i), { sliceMs: 0 });
    assert.equal(complete, true);
    assert.deepEqual(steps, [0, 1, 2, 3, 4]);
    assert.ok(between > 0, 'other tasks ran between the slices');
  });

  test('runs a short build in one go', async (t) => {
    useGlobals(t, { scheduler: undefined });
    const steps = [];
    const done = inSlices(new FakeController(), 3, (i) => steps.push(i), { sliceMs: 1000 });
    assert.deepEqual(steps, [0, 1, 2], 'before anything else runs');
    assert.equal(await done, true);
  });

  test('waits while the player moves to a moment, until that moment is painted', async (t) => {
    const frames = [];
    useGlobals(t, { scheduler: undefined, requestAnimationFrame: (callback) => frames.push(callback) });
    const controller = new FakeController();
    const steps = [];
    controller.move(true);
    const done = inSlices(controller, 2, (i) => steps.push(i), { sliceMs: 0 });
    await tick();
    assert.deepEqual(steps, []);
    controller.move(false);
    await tick();
    assert.deepEqual(steps, [], 'not before the frame that shows the moment');
    frames.shift()();
    await tick();
    assert.deepEqual(steps, [0, 1]);
    assert.equal(await done, true);
  });

  test('stops between slices once cancelled', async (t) => {
    useGlobals(t, { scheduler: undefined });
    const steps = [];
    let cancelled = false;
    const complete = await inSlices(new FakeController(), 4, (i) => {
      steps.push(i);
      cancelled = i === 1;
    }, { sliceMs: 0, cancelled: () => cancelled });
    assert.equal(complete, false);
    assert.deepEqual(steps, [0, 1]);
  });
});
