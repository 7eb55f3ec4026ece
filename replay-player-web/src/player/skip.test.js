import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { InactivitySkipper, LEAD_IN_MS, skipAt, skippablePeriods } from './skip.js';
import { PlayerState } from './state.js';

// What the skipper sees of the controller: its state, its time and seeks.
class FakeController extends EventTarget {
  state = PlayerState.PAUSED;
  currentTime = 0;
  seeks = [];

  seek(offset) {
    this.seeks.push(offset);
    this.currentTime = offset;
  }

  setState(state) {
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

class FakeCheckbox extends EventTarget {
  constructor(checked) {
    super();
    this.checked = checked;
  }

  set(checked) {
    this.checked = checked;
    this.dispatchEvent(new Event('change'));
  }
}

const PERIODS = [
  { start: 10_000, end: 40_000 },
  { start: 50_000, end: 50_800 },
];

describe('skippablePeriods', () => {
  test('keeps the periods longer than both lead-ins', () => {
    assert.deepEqual(skippablePeriods([...PERIODS, { start: 60_000, end: 60_000 + 2 * LEAD_IN_MS + 1 }]), [
      { start: 10_000, end: 40_000 },
      { start: 60_000, end: 61_001 },
    ]);
    assert.deepEqual(skippablePeriods([{ start: 0, end: 2 * LEAD_IN_MS }]), []);
  });

  test('takes no periods at all', () => {
    assert.deepEqual(skippablePeriods(undefined), []);
  });
});

describe('skipAt', () => {
  const periods = skippablePeriods(PERIODS);

  test('jumps from inside a period to a lead-in before its end', () => {
    assert.deepEqual(skipAt(periods, 10_000), { period: periods[0], to: 40_000 - LEAD_IN_MS });
    assert.deepEqual(skipAt(periods, 25_000)?.to, 39_500);
  });

  test('leaves the lead-in and the time outside the periods alone', () => {
    assert.equal(skipAt(periods, 9_999), null);
    assert.equal(skipAt(periods, 39_500), null);
    assert.equal(skipAt(periods, 45_000), null);
  });
});

describe('InactivitySkipper', () => {
  function playing(t, { checked = true } = {}) {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const controller = new FakeController();
    const toggle = new FakeCheckbox(checked);
    const skipped = [];
    const skipper = new InactivitySkipper(controller, toggle, (period) => skipped.push(period));
    skipper.setPeriods(PERIODS);
    controller.currentTime = 12_000;
    controller.setState(PlayerState.PLAYING);
    return { controller, toggle, skipped };
  }

  test('while playing, jumps over a period and says so', (t) => {
    const { controller, skipped } = playing(t);

    t.mock.timers.tick(200);

    assert.deepEqual(controller.seeks, [39_500]);
    assert.deepEqual(skipped, [{ start: 10_000, end: 40_000 }]);
    t.mock.timers.tick(1_000);
    assert.deepEqual(controller.seeks, [39_500], 'once past the period it stays put');
  });

  test('does nothing while paused', (t) => {
    const { controller } = playing(t);
    controller.setState(PlayerState.PAUSED);

    t.mock.timers.tick(1_000);

    assert.deepEqual(controller.seeks, []);
  });

  test('does nothing once the viewer turned it off, and again when turned on', (t) => {
    const { controller, toggle } = playing(t);
    toggle.set(false);

    t.mock.timers.tick(1_000);
    assert.deepEqual(controller.seeks, []);

    toggle.set(true);
    t.mock.timers.tick(200);
    assert.deepEqual(controller.seeks, [39_500]);
  });

  test('starts off when its toggle is off', (t) => {
    const { controller } = playing(t, { checked: false });

    t.mock.timers.tick(1_000);

    assert.deepEqual(controller.seeks, []);
  });
});
