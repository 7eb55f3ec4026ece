// Seek-bar markers from the session's timeline: page views, clicks, rage and dead clicks, errors.
// Each marker is a button over the seek bar that seeks to its moment. Markers that would overlap
// at the bar's width are grouped into one button with their count, whose list of markers opens on
// hover and on focus. The periods without activity are shaded under the bar.

import { formatDuration } from './format.js';

export const KINDS = Object.freeze({
  view: 'Page view',
  click: 'Click',
  'rage-click': 'Rage click',
  'dead-click': 'Dead click',
  input: 'Input',
  error: 'Error',
  navigation: 'Navigation',
});

export class SeekMarkers {
  #container;
  #controller;

  #gaps;

  #shown = null;

  #grouping = '';

  #width = 0;

  constructor(controller, container, gaps = null) {
    this.#controller = controller;
    this.#container = container;
    this.#gaps = gaps;
    // the grouping depends on the bar's width: group again when it changes by a marker's width
    new ResizeObserver(() => {
      const width = this.#container.clientWidth;
      if (this.#shown && Math.abs(width - this.#width) >= MIN_MARKER_GAP_PX) {
        this.#draw();
      }
    }).observe(container);
  }

  /** Draws the markers of a timeline summary, as `/timeline` returns it. */
  show(timeline) {
    const duration = this.#controller.duration || timeline.totalDurationMs;
    if (!(duration > 0)) {
      return;
    }
    this.#shown = { markers: seekMarkersOf(timeline), duration };
    this.#grouping = '';
    this.#draw();
    this.#showGaps(timeline.inactivity ?? [], duration);
  }

  // Positions are percentages, so only a change of the grouping needs new elements (keeping them
  // keeps the focus and an open group where they are).
  #draw() {
    const { markers, duration } = this.#shown;
    this.#width = this.#container.clientWidth;
    const groups = groupMarkers(markers, duration, this.#width || FALLBACK_WIDTH_PX);
    const grouping = groups.map((group) => group.markers.length).join(',');
    if (grouping === this.#grouping && this.#container.childElementCount > 0) {
      return;
    }
    this.#grouping = grouping;
    const fragment = document.createDocumentFragment();
    for (const group of groups) {
      fragment.append(group.markers.length === 1 ? this.#button(group.markers[0], duration) : this.#group(group, duration));
    }
    this.#container.replaceChildren(fragment);
  }

  #button(marker, duration) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `marker marker-${marker.kind}`;
    button.dataset.kind = marker.kind;
    button.dataset.offset = String(marker.offset);
    button.style.left = `${offsetPercent(marker.offset, duration)}%`;
    const text = markerText(marker);
    button.title = text;
    button.setAttribute('aria-label', text);
    button.addEventListener('click', () => this.#controller.seek(marker.offset));
    return button;
  }

  // A group: a button with the count that seeks to the first marker, and the list of its markers,
  // shown while the pointer or the focus is in the group (CSS :hover and :focus-within).
  #group(group, duration) {
    const element = document.createElement('div');
    element.className = 'marker-group';
    element.dataset.testid = 'marker-group';
    element.dataset.count = String(group.markers.length);
    element.style.left = `${offsetPercent(group.offset, duration)}%`;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `marker marker-count marker-${group.kind}`;
    button.dataset.kind = group.kind;
    button.dataset.offset = String(group.lead.offset);
    button.textContent = String(group.markers.length);
    button.setAttribute('aria-label', groupText(group));
    button.title = groupText(group);
    button.addEventListener('click', () => this.#controller.seek(group.lead.offset));
    const list = document.createElement('div');
    list.className = 'marker-group-list';
    list.dataset.testid = 'marker-group-list';
    list.setAttribute('role', 'group');
    list.setAttribute('aria-label', groupText(group));
    for (const marker of group.markers) {
      const item = document.createElement('button');
      item.type = 'button';
      item.className = `marker-group-item kind-${marker.kind}`;
      item.dataset.kind = marker.kind;
      item.dataset.testid = 'marker-group-item';
      item.dataset.offset = String(marker.offset);
      item.textContent = markerText(marker);
      item.title = markerText(marker);
      item.addEventListener('click', (event) => {
        this.#controller.seek(marker.offset);
        // a pointer's choice closes the list once the pointer leaves; a key's keeps the focus
        if (event.detail > 0) {
          item.blur();
        }
      });
      list.append(item);
    }
    element.append(button, list);
    return element;
  }

  #showGaps(periods, duration) {
    if (!this.#gaps) {
      return;
    }
    this.#gaps.replaceChildren(
      ...inactivityGaps(periods, duration).map(({ left, width, title }) => {
        const gap = document.createElement('span');
        gap.className = 'seek-gap';
        gap.style.left = `${left}%`;
        gap.style.width = `${width}%`;
        gap.title = title;
        return gap;
      }),
    );
  }
}

/**
 * The markers the seek bar shows for a timeline summary: every page view after the first (a
 * `view` marker at its start, labelled with its URL) and the timeline's markers of a known kind,
 * but neither navigations nor inputs.
 */
export function seekMarkersOf(timeline) {
  return [
    ...(timeline.views ?? []).slice(1).map((view) => ({ kind: 'view', offset: view.start, label: view.url })),
    ...(timeline.markers ?? []).filter((marker) => marker.kind !== 'navigation' && marker.kind !== 'input'),
  ].filter((marker) => KINDS[marker.kind]);
}

/** Markers closer than this on the bar are drawn as one group. */
export const MIN_MARKER_GAP_PX = 8;

// the width assumed for a bar not laid out yet
const FALLBACK_WIDTH_PX = 1000;

// when a group holds markers of several kinds, it takes the colour of the one that matters most
const KIND_WEIGHT = Object.freeze({ error: 5, 'rage-click': 4, 'dead-click': 3, view: 2, click: 1 });

// A group's count button starts this far left of its first marker (the styles' margin) and is
// at least this wide; a single marker reaches this far either side of its moment.
const COUNT_INSET_PX = 9;
const COUNT_MIN_WIDTH_PX = 18;
const MARKER_HALF_WIDTH_PX = 2;

/** How wide the count button of a group of `count` markers is drawn, in px (padding and digits). */
export function countWidth(count) {
  return Math.max(COUNT_MIN_WIDTH_PX, 8 + 7 * String(count).length);
}

/**
 * Groups markers that would overlap on a bar `width` pixels wide for a session of `duration` ms:
 * in time order, a marker joins the group before it when it is less than `minGap` pixels from that
 * group's first marker, or when it would lie under that group's count button; and a group whose
 * count button would cover the group before it joins that group, so that every button can be
 * pointed at. Returns `{ offset, kind, lead, markers }` per group: `offset` that of its first
 * marker, `lead` its first marker of the weightiest kind (errors over rage clicks over dead clicks
 * over page views over clicks), which the group's button shows and seeks to, and `kind` that
 * marker's kind.
 */
export function groupMarkers(markers, duration, width, minGap = MIN_MARKER_GAP_PX) {
  const sorted = [...markers].sort((a, b) => a.offset - b.offset);
  const groups = [];
  for (const marker of sorted) {
    const x = (offsetPercent(marker.offset, duration) / 100) * width;
    const last = groups[groups.length - 1];
    if (last && (x - last.x < minGap || x - MARKER_HALF_WIDTH_PX < rightEdge(last))) {
      last.markers.push(marker);
    } else {
      groups.push({ x, markers: [marker] });
    }
    while (groups.length > 1 && leftEdge(groups[groups.length - 1]) < rightEdge(groups[groups.length - 2])) {
      const covering = groups.pop();
      groups[groups.length - 1].markers.push(...covering.markers);
    }
  }
  return groups.map(({ markers: members }) => {
    const lead = members.reduce((heaviest, marker) => ((KIND_WEIGHT[marker.kind] ?? 0) > (KIND_WEIGHT[heaviest.kind] ?? 0) ? marker : heaviest));
    return { offset: members[0].offset, kind: lead.kind, lead, markers: members };
  });
}

// Where a group's button begins and ends on the bar, in px: a count button for several markers.
function leftEdge(group) {
  return group.markers.length > 1 ? group.x - COUNT_INSET_PX : group.x - MARKER_HALF_WIDTH_PX;
}

function rightEdge(group) {
  return group.markers.length > 1 ? group.x - COUNT_INSET_PX + countWidth(group.markers.length) : group.x + MARKER_HALF_WIDTH_PX;
}

/** What a group of markers says: `8 events from 0:12 to 0:15: 1 rage click, 7 dead clicks`. */
export function groupText(group) {
  const counts = new Map();
  for (const marker of group.markers) {
    counts.set(marker.kind, (counts.get(marker.kind) ?? 0) + 1);
  }
  const kinds = [...counts]
    .sort(([a], [b]) => (KIND_WEIGHT[b] ?? 0) - (KIND_WEIGHT[a] ?? 0))
    .map(([kind, count]) => `${count} ${KINDS[kind].toLowerCase()}${count === 1 ? '' : 's'}`)
    .join(', ');
  const first = group.markers[0].offset;
  const last = group.markers[group.markers.length - 1].offset;
  const when = formatDuration(first) === formatDuration(last) ? `at ${formatDuration(first)}` : `from ${formatDuration(first)} to ${formatDuration(last)}`;
  return `${group.markers.length} events ${when}: ${kinds}`;
}

/** Where `offset` sits on a bar of `duration`, in percent, kept within the bar. */
export function offsetPercent(offset, duration) {
  return Math.min(100, Math.max(0, (offset / duration) * 100));
}

/** What a marker says (its title and accessible name): `Rage click at 0:12 (5 clicks): Buy`. */
export function markerText(marker) {
  const detail = marker.label ? `: ${marker.label}` : '';
  const count = marker.count > 1 ? ` (${marker.count} clicks)` : '';
  return `${KINDS[marker.kind]} at ${formatDuration(marker.offset)}${count}${detail}`;
}

/** The shaded periods without activity: `{ left, width, title }`, positions in percent. */
export function inactivityGaps(periods, duration) {
  return periods.map((period) => ({
    left: (period.start / duration) * 100,
    width: ((period.end - period.start) / duration) * 100,
    title: `No activity from ${formatDuration(period.start)} to ${formatDuration(period.end)}`,
  }));
}
