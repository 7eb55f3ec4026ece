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
    const markers = [
      ...(timeline.views ?? []).slice(1).map((view) => ({ kind: 'view', offset: view.start, label: view.url })),
      ...(timeline.markers ?? []).filter((marker) => marker.kind !== 'navigation' && marker.kind !== 'input'),
    ];
    const fragment = document.createDocumentFragment();
    for (const marker of markers) {
      const name = KINDS[marker.kind];
      if (!name) {
        continue;
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.className = `marker marker-${marker.kind}`;
      button.dataset.kind = marker.kind;
      button.style.left = `${Math.min(100, Math.max(0, (marker.offset / duration) * 100))}%`;
      const detail = marker.label ? `: ${marker.label}` : '';
      const count = marker.count > 1 ? ` (${marker.count} clicks)` : '';
      const text = `${name} at ${formatDuration(marker.offset)}${count}${detail}`;
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
      ...periods.map((period) => {
        const gap = document.createElement('span');
        gap.className = 'seek-gap';
        gap.style.left = `${(period.start / duration) * 100}%`;
        gap.style.width = `${((period.end - period.start) / duration) * 100}%`;
        gap.title = `No activity from ${formatDuration(period.start)} to ${formatDuration(period.end)}`;
        return gap;
      }),
    );
  }
}
