import assert from 'node:assert/strict';
import { test } from 'node:test';

import { settle } from '../testing/fakes.js';
import { LIVE_POLL_MS, LiveFollower } from './live.js';

// A controller whose session grows by `grow` ms at each catch-up.
function fakeController({ duration = 10_000, currentTime = duration, state = 'paused', grow = 0 } = {}) {
  return {
    duration,
    currentTime,
    state,
    seeks: [],
    async catchUp() {
      this.duration += grow;
      return grow > 0;
    },
    seek(offset) {
      this.seeks.push(offset);
      this.currentTime = offset;
    },
  };
}

function fakeButton() {
  const listeners = [];
  return { hidden: true, listeners, addEventListener: (type, listener) => listeners.push(listener) };
}

test('a live session is marked live and shows its Live button', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const root = { dataset: {} };
  const button = fakeButton();
  const follower = new LiveFollower(fakeController(), { root, button, fetchSession: async () => null });
  follower.follow({ live: true });
  assert.equal(root.dataset.live, 'true');
  assert.equal(button.hidden, false);
  follower.stop();
});

test('a session that is not live is left as it is', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const root = { dataset: {} };
  const button = fakeButton();
  new LiveFollower(fakeController(), { root, button, fetchSession: async () => null }).follow({ live: false });
  assert.equal(root.dataset.live, undefined);
  assert.equal(button.hidden, true);
});

test('a viewer at the live edge is taken to what was recorded since', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const controller = fakeController({ grow: 3_000 });
  const follower = new LiveFollower(controller, { root: { dataset: {} }, button: fakeButton(), fetchSession: async () => null });
  follower.follow({ live: true });
  t.mock.timers.tick(LIVE_POLL_MS);
  await settle();
  assert.deepEqual(controller.seeks, [13_000]);
  follower.stop();
});

test('a viewer who went back in time stays there', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const controller = fakeController({ currentTime: 2_000, grow: 3_000 });
  const follower = new LiveFollower(controller, { root: { dataset: {} }, button: fakeButton(), fetchSession: async () => null });
  follower.follow({ live: true });
  t.mock.timers.tick(LIVE_POLL_MS);
  await settle();
  assert.deepEqual(controller.seeks, []);
  assert.equal(controller.duration, 13_000);
  follower.stop();
});

test('the Live button jumps to the live edge', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const controller = fakeController({ currentTime: 2_000 });
  const button = fakeButton();
  new LiveFollower(controller, { root: { dataset: {} }, button, fetchSession: async () => null });
  button.listeners[0]();
  assert.deepEqual(controller.seeks, [10_000]);
});

test('a session that stopped being recorded is followed no more', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'] });
  const root = { dataset: {} };
  const button = fakeButton();
  const follower = new LiveFollower(fakeController(), { root, button, fetchSession: async () => ({ live: false }) });
  follower.follow({ live: true });
  for (let i = 0; i < 10; i++) {
    t.mock.timers.tick(LIVE_POLL_MS);
    await settle();
  }
  assert.equal(root.dataset.live, undefined);
  assert.equal(button.hidden, true);
});
