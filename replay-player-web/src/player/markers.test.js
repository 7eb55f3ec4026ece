import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { countWidth, groupMarkers, groupText, inactivityGaps, markerText, offsetPercent, seekMarkersOf } from './markers.js';

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

describe('groupMarkers', () => {
  const dead = (offset) => ({ kind: 'dead-click', offset });

  test('groups markers that would overlap at the bar width, and keeps apart those that would not', () => {
    // 60 s on 600 px: 100 ms per pixel, 8 px = 800 ms
    const groups = groupMarkers([dead(10_000), dead(10_300), dead(10_700), dead(20_000), dead(20_800)], 60_000, 600);
    assert.deepEqual(
      groups.map((group) => group.markers.map((marker) => marker.offset)),
      [[10_000, 10_300, 10_700], [20_000], [20_800]],
    );
  });

  test('measures from the first marker of a group, so that a long run does not become one group', () => {
    const groups = groupMarkers(Array.from({ length: 13 }, (_, i) => dead(i * 500)), 60_000, 600);
    assert.deepEqual(groups.map((group) => group.markers.length), [5, 5, 3]);
  });

  test('a marker that would lie under a group\'s count joins the group', () => {
    // the count of [0 px, 3 px] reaches from -9 px to 9 px
    const groups = groupMarkers([dead(0), dead(300), dead(1000)], 60_000, 600);
    assert.deepEqual(groups.map((group) => group.markers.length), [3]);
  });

  test('a group whose count would cover the marker before it takes that marker in', () => {
    // [9 px, 12 px] is counted from 0 px, over the marker at 0 px
    const groups = groupMarkers([dead(0), dead(900), dead(1200)], 60_000, 600);
    assert.deepEqual(groups.map((group) => group.markers.length), [3]);
  });

  test('counts are as wide as their digits', () => {
    assert.equal(countWidth(3), 18);
    assert.equal(countWidth(12), 22);
    assert.equal(countWidth(120), 29);
  });

  test('a wider bar splits the groups of a narrower one', () => {
    const markers = [dead(10_000), dead(10_300), dead(10_700)];
    assert.equal(groupMarkers(markers, 60_000, 600).length, 1);
    assert.equal(groupMarkers(markers, 60_000, 2400).length, 3);
  });

  test('a group takes the weightiest kind, so a rage click among dead clicks shows', () => {
    const [group] = groupMarkers([dead(10_000), { kind: 'rage-click', offset: 10_100 }, dead(10_200)], 60_000, 600);
    assert.equal(group.kind, 'rage-click');
    assert.equal(group.offset, 10_000);
    assert.deepEqual(group.lead, { kind: 'rage-click', offset: 10_100 });
  });

  test('sorts the markers by time first', () => {
    const groups = groupMarkers([dead(30_000), dead(1_000)], 60_000, 600);
    assert.deepEqual(groups.map((group) => group.offset), [1_000, 30_000]);
  });
});

describe('groupText', () => {
  test('counts the kinds, the weightiest first, over the group\'s time', () => {
    const text = groupText({
      markers: [
        { kind: 'dead-click', offset: 12_000 },
        { kind: 'rage-click', offset: 13_000 },
        { kind: 'dead-click', offset: 15_000 },
      ],
    });
    assert.equal(text, '3 events from 0:12 to 0:15: 1 rage click, 2 dead clicks');
  });
});
