import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { eventsOf, filterCounts, filterItems, itemText, playheadIndex, rowWindow } from './event-items.js';

const brief = (items) => items.map(({ kind, offset, count }) => `${kind}@${offset}${count > 1 ? `×${count}` : ''}`);

describe('eventsOf', () => {
  test('lists views and markers in time order, a view first at a shared moment', () => {
    const items = eventsOf({
      views: [
        { start: 0, url: '/' },
        { start: 9_000, url: '/cart' },
      ],
      markers: [
        { kind: 'input', offset: 12_000, label: 'email' },
        { kind: 'error', offset: 9_000, label: 'TypeError' },
        { kind: 'click', offset: 4_000, label: 'Add' },
      ],
    });

    assert.deepEqual(brief(items), ['view@0', 'click@4000', 'view@9000', 'error@9000', 'input@12000']);
    assert.deepEqual(items[0], { kind: 'view', offset: 0, label: '/', count: 1 });
  });

  test('leaves out navigations, view markers and kinds it does not know', () => {
    const items = eventsOf({
      markers: [
        { kind: 'navigation', offset: 1_000 },
        { kind: 'view', offset: 2_000 },
        { kind: 'scroll', offset: 3_000 },
      ],
    });

    assert.deepEqual(items, []);
  });

  test('leaves out a plain click where a rage or dead click on it stands for it', () => {
    const items = eventsOf({
      markers: [
        { kind: 'click', offset: 5_000, label: 'Pay' },
        { kind: 'rage-click', offset: 5_000, label: 'Pay', count: 4 },
        { kind: 'click', offset: 20_000, label: 'Help' },
        { kind: 'dead-click', offset: 20_000, label: 'Help' },
        { kind: 'click', offset: 30_000, label: 'Other' },
      ],
    });

    assert.deepEqual(brief(items), ['rage-click@5000×4', 'dead-click@20000', 'click@30000']);
  });

  test('counts repeated clicks on one target, each within a second of the one before, as one item', () => {
    const items = eventsOf({
      markers: [
        { kind: 'click', offset: 1_000, label: 'Next' },
        { kind: 'click', offset: 1_900, label: 'Next' },
        { kind: 'click', offset: 2_900, label: 'Next' },
        { kind: 'click', offset: 4_000, label: 'Next' },
        { kind: 'click', offset: 4_100, label: 'Back' },
        { kind: 'dead-click', offset: 6_000, label: 'Logo' },
        { kind: 'dead-click', offset: 6_500, label: 'Logo' },
        { kind: 'error', offset: 7_000, label: 'E' },
        { kind: 'error', offset: 7_100, label: 'E' },
      ],
    });

    assert.deepEqual(brief(items), ['click@1000×3', 'click@4000', 'click@4100', 'dead-click@6000×2', 'error@7000', 'error@7100']);
  });

  test('takes a missing summary', () => {
    assert.deepEqual(eventsOf(null), []);
  });
});

describe('filters', () => {
  const items = eventsOf({
    views: [{ start: 0, url: '/' }],
    markers: [
      { kind: 'click', offset: 1_000, label: 'A' },
      { kind: 'rage-click', offset: 2_000, label: 'B' },
      { kind: 'dead-click', offset: 3_000, label: 'C' },
      { kind: 'error', offset: 4_000, label: 'E' },
    ],
  });

  test('show the kinds each filter names', () => {
    assert.deepEqual(brief(filterItems(items, 'click')), ['click@1000', 'rage-click@2000', 'dead-click@3000']);
    assert.deepEqual(brief(filterItems(items, 'frustration')), ['rage-click@2000', 'dead-click@3000']);
    assert.deepEqual(brief(filterItems(items, 'view')), ['view@0']);
    assert.deepEqual(filterItems(items, 'input'), []);
    assert.equal(filterItems(items, 'all'), items);
  });

  test('count what each would show', () => {
    assert.deepEqual(Object.fromEntries(filterCounts(items)), { all: 5, view: 1, click: 3, frustration: 2, input: 0, error: 1 });
  });
});

describe('playheadIndex', () => {
  const offsets = [0, 5_000, 5_000, 9_000];

  test('is the last item at or before the playhead', () => {
    assert.equal(playheadIndex(offsets, 4_999), 0);
    assert.equal(playheadIndex(offsets, 9_000), 3);
    assert.equal(playheadIndex(offsets, 60_000), 3);
  });

  test('is the first of the items at the same moment', () => {
    assert.equal(playheadIndex(offsets, 5_000), 1);
    assert.equal(playheadIndex(offsets, 8_000), 1);
  });

  test('is none before the first item', () => {
    assert.equal(playheadIndex([1_000], 999), -1);
    assert.equal(playheadIndex([], 1_000), -1);
  });
});

describe('itemText', () => {
  test('names the kind, the repeats, the time and the target', () => {
    assert.equal(itemText({ kind: 'dead-click', offset: 12_000, label: 'Buy', count: 3 }), 'Dead click ×3 at 0:12: Buy');
    assert.equal(itemText({ kind: 'view', offset: 0, label: '', count: 1 }), 'Page view at 0:00');
  });
});

describe('rowWindow', () => {
  const list = { count: 10_000, rowHeight: 30, height: 600, overscan: 40 };

  test('puts the rows in view and a margin on each side in the page', () => {
    // rows 1,000 to 1,020 are in view
    assert.deepEqual(rowWindow({ ...list, scrollTop: 30_000 }), { start: 960, end: 1060 });
  });

  test('counts a row cut by the top or the bottom of the view as in view', () => {
    assert.deepEqual(rowWindow({ ...list, scrollTop: 30_015 }), { start: 960, end: 1061 });
  });

  test('stops at the first and the last row', () => {
    assert.deepEqual(rowWindow({ ...list, scrollTop: 0 }), { start: 0, end: 60 });
    assert.deepEqual(rowWindow({ ...list, scrollTop: 299_400 }), { start: 9940, end: 10_000 });
    assert.deepEqual(rowWindow({ ...list, count: 12, scrollTop: 0 }), { start: 0, end: 12 });
  });

  test('keeps every row of a list scrolled past its end in bounds', () => {
    assert.deepEqual(rowWindow({ ...list, count: 100, scrollTop: 90_000 }), { start: 100, end: 100 });
    assert.deepEqual(rowWindow({ ...list, scrollTop: -50 }), { start: 0, end: 60 });
  });

  test('puts the first rows in the page while rows have no height (a list not shown)', () => {
    assert.deepEqual(rowWindow({ ...list, rowHeight: 0, scrollTop: 0 }), { start: 0, end: 80 });
    assert.deepEqual(rowWindow({ ...list, count: 5, rowHeight: 0, scrollTop: 0 }), { start: 0, end: 5 });
  });
});
