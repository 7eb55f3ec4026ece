import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { inactivityGaps, markerText, offsetPercent, seekMarkersOf } from './markers.js';

describe('seekMarkersOf', () => {
  test('marks every page view but the first, and the timeline\'s markers', () => {
    const markers = seekMarkersOf({
      views: [
        { start: 0, url: 'https://shop.test/' },
        { start: 20_000, url: 'https://shop.test/cart' },
      ],
      markers: [
        { kind: 'click', offset: 5_000, label: 'Add' },
        { kind: 'rage-click', offset: 8_000, label: 'Pay', count: 5 },
        { kind: 'error', offset: 9_000, label: 'TypeError' },
      ],
    });

    assert.deepEqual(markers, [
      { kind: 'view', offset: 20_000, label: 'https://shop.test/cart' },
      { kind: 'click', offset: 5_000, label: 'Add' },
      { kind: 'rage-click', offset: 8_000, label: 'Pay', count: 5 },
      { kind: 'error', offset: 9_000, label: 'TypeError' },
    ]);
  });

  test('leaves out navigations, inputs and kinds it does not know', () => {
    const markers = seekMarkersOf({
      markers: [
        { kind: 'navigation', offset: 1_000 },
        { kind: 'input', offset: 2_000 },
        { kind: 'scroll', offset: 3_000 },
        { kind: 'dead-click', offset: 4_000 },
      ],
    });

    assert.deepEqual(markers.map((marker) => marker.kind), ['dead-click']);
  });

  test('takes a summary without views or markers', () => {
    assert.deepEqual(seekMarkersOf({}), []);
  });
});

describe('offsetPercent', () => {
  test('places an offset on the bar and keeps it on the bar', () => {
    assert.equal(offsetPercent(15_000, 60_000), 25);
    assert.equal(offsetPercent(-500, 60_000), 0);
    assert.equal(offsetPercent(61_000, 60_000), 100);
  });
});

describe('markerText', () => {
  test('names the kind, the time, the clicks and the target', () => {
    assert.equal(markerText({ kind: 'rage-click', offset: 72_000, label: 'Pay now', count: 5 }), 'Rage click at 1:12 (5 clicks): Pay now');
    assert.equal(markerText({ kind: 'view', offset: 3_600_000, label: 'https://shop.test/' }), 'Page view at 1:00:00: https://shop.test/');
    assert.equal(markerText({ kind: 'error', offset: 0, count: 1 }), 'Error at 0:00');
  });
});

describe('inactivityGaps', () => {
  test('shades each period from its start over its length', () => {
    assert.deepEqual(inactivityGaps([{ start: 30_000, end: 45_000 }], 60_000), [
      { left: 50, width: 25, title: 'No activity from 0:30 to 0:45' },
    ]);
  });
});
