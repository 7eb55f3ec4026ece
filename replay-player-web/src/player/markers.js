// Seek-bar markers from the session's timeline: page views, clicks, rage and dead clicks, errors.
// Each marker is a button over the seek bar that seeks to its moment. The periods without
// activity are shaded under the bar.

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

  constructor(controller, container, gaps = null) {
    this.#controller = controller;
    this.#container = container;
    this.#gaps = gaps;
  }

  /** Draws the markers of a timeline summary, as `/timeline` returns it. */
  show(timeline) {
    const duration = this.#controller.duration || timeline.totalDurationMs;
    if (!(duration > 0)) {
      return;
    }
    const fragment = document.createDocumentFragment();
    for (const marker of seekMarkersOf(timeline)) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `marker marker-${marker.kind}`;
      button.dataset.kind = marker.kind;
      button.style.left = `${offsetPercent(marker.offset, duration)}%`;
      const text = markerText(marker);
      button.title = text;
      button.setAttribute('aria-label', text);
      button.addEventListener('click', () => this.#controller.seek(marker.offset));
      fragment.append(button);
    }
    this.#container.replaceChildren(fragment);
    this.#showGaps(timeline.inactivity ?? [], duration);
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
