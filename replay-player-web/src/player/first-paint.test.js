import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { useGlobals } from '../testing/fakes.js';
import { afterFirstMoment } from './first-paint.js';
import { PlayerState } from './state.js';

// a controller whose state the test sets, as the player's does
class FakeController extends EventTarget {
  state = PlayerState.LOADING;

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
