// What the event list shows, without the page: its items from a timeline summary, the filters
// by kind and their counts, and which item stands at the playhead.

import { formatDuration } from './format.js';
import { KINDS } from './markers.js';

/** The filters over the list, by kind; `all` shows everything. */
export const FILTERS = Object.freeze([
  { key: 'all', label: 'All', kinds: null },
  { key: 'view', label: 'Views', kinds: ['view'] },
  { key: 'click', label: 'Clicks', kinds: ['click', 'rage-click', 'dead-click'] },
  { key: 'frustration', label: 'Frustration', kinds: ['rage-click', 'dead-click'] },
  { key: 'input', label: 'Inputs', kinds: ['input'] },
  { key: 'error', label: 'Errors', kinds: ['error'] },
]);

// Views first, then what happened on them, when two items share a moment.
const ORDER = Object.freeze({ view: 0, error: 1, 'rage-click': 2, 'dead-click': 3, click: 4, input: 5 });

// Repeated clicks or dead clicks on one element at most this far apart are one item.
const REPEAT_WITHIN_MS = 1000;

/** The list's items from a timeline summary: views and markers, a plain click left out where a rage or dead click stands for it. */
export function eventsOf(timeline) {
  const views = (timeline?.views ?? []).map((view) => ({ kind: 'view', offset: view.start, label: view.url, count: 1 }));
  const markers = (timeline?.markers ?? []).filter((marker) => KINDS[marker.kind] && marker.kind !== 'navigation' && marker.kind !== 'view');
  const frustrated = new Set(
    markers.filter((marker) => marker.kind === 'rage-click' || marker.kind === 'dead-click').map((marker) => `${marker.offset}|${marker.label}`),
  );
  const kept = markers.filter((marker) => marker.kind !== 'click' || !frustrated.has(`${marker.offset}|${marker.label}`));
  const items = [...views, ...kept.map(({ kind, offset, label, count }) => ({ kind, offset, label, count: count ?? 1 }))].sort(
    (a, b) => a.offset - b.offset || (ORDER[a.kind] ?? 9) - (ORDER[b.kind] ?? 9),
  );
  return mergeRepeats(items);
}

// Repeated clicks or dead clicks on one element, each within a second of the one before, are one
// item that counts them (a rage click's dead clicks would otherwise fill the list).
function mergeRepeats(items) {
  const merged = [];
  const last = new Map();
  for (const item of items) {
    const key = `${item.kind}|${item.label}`;
    const previous = last.get(key);
    if ((item.kind === 'click' || item.kind === 'dead-click') && previous && item.offset - previous.until <= REPEAT_WITHIN_MS) {
      previous.item.count += item.count;
      previous.until = item.offset;
      continue;
    }
    const copy = { ...item };
    merged.push(copy);
    last.set(key, { item: copy, until: item.offset });
  }
  return merged;
}

/** The items a filter (by its key) shows; an unknown key shows them all. */
export function filterItems(items, key) {
  const kinds = FILTERS.find((filter) => filter.key === key)?.kinds;
  return kinds ? items.filter((item) => kinds.includes(item.kind)) : items;
}

/** How many items each filter shows, by key. */
export function filterCounts(items) {
  return new Map(FILTERS.map((filter) => [filter.key, filterItems(items, filter.key).length]));
}

/**
 * The index of the item at the playhead: the last at or before `now`, or the first of those at
 * that same moment (the one a click on it chose); -1 before the first. `offsets` are in order.
 */
export function playheadIndex(offsets, now) {
  let index = -1;
  for (let i = 0; i < offsets.length && offsets[i] <= now; i++) {
    index = i;
  }
  while (index > 0 && offsets[index - 1] === offsets[index]) {
    index--;
  }
  return index;
}

/** An item's accessible name: `Dead click ×3 at 0:12: Buy`. */
export function itemText(item) {
  return `${KINDS[item.kind]}${repeats(item)} at ${formatDuration(item.offset)}${item.label ? `: ${item.label}` : ''}`;
}

/** The count shown beside an item's kind, ` ×3`, or nothing for one. */
export function repeats(item) {
  return item.count > 1 ? ` ×${item.count}` : '';
}

/**
 * Which rows of a list of `count` rows of `rowHeight` pixels to put in the page: those in view,
 * `scrollTop` pixels down a view `height` pixels high, and `overscan` rows more on each side, as
 * `{ start, end }` (end excluded). Before the rows have a height (a list not shown), the first
 * rows.
 */
export function rowWindow({ count, rowHeight, scrollTop, height, overscan }) {
  if (!(rowHeight > 0)) {
    return { start: 0, end: Math.min(count, 2 * overscan) };
  }
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + height) / rowHeight);
  const end = Math.min(count, last + overscan);
  return { start: Math.min(Math.max(0, first - overscan), end), end };
}
