// The timeline's hover preview: over the seek bar, a still of the page at the hovered time, drawn
// from the stored keyframe at or before it and the events up to it (a follow-up window of the
// playback already open, so no new playback is recorded), with the time and the markers there.
// Focusing a marker shows the preview of its moment too. Stills are cached per second.

import { fetchEventWindow } from './api.js';
import { formatDuration } from './format.js';
import { markerText, seekMarkersOf } from './markers.js';
import { drawStill } from './still-frame.js';

const HOVER_DELAY_MS = 80;
const CACHE_SIZE = 40;
const MAX_EVENTS_SHOWN = 3;

export class TimelinePreview {
  #controller;
  #sessionId;
  #track;
  #element;
  #frame;
  #time;
  #events;
  #markers = [];
  #cache = new Map();
  #timer = 0;
  #abort = null;
  #replayer = null;
  #shownSecond = null;

  constructor(controller, sessionId, track) {
    this.#controller = controller;
    this.#sessionId = sessionId;
    this.#track = track;
    this.#frame = el('div', 'timeline-preview-frame');
    this.#time = el('div', 'timeline-preview-time');
    this.#events = el('ul', 'timeline-preview-events');
    this.#element = el('div', 'timeline-preview');
    this.#element.dataset.testid = 'timeline-preview';
    this.#element.setAttribute('aria-hidden', 'true');
    this.#element.hidden = true;
    this.#element.append(this.#frame, this.#time, this.#events);
    track.dataset.testid = 'timeline';
    track.append(this.#element);
    track.addEventListener('pointermove', (event) => this.#onPointer(event));
    track.addEventListener('pointerleave', () => this.hide());
    track.addEventListener('focusin', (event) => this.#onFocus(event));
    track.addEventListener('focusout', () => this.hide());
  }

  /** The markers to list at a hovered time, from the timeline summary. */
  setTimeline(summary) {
    this.#markers = seekMarkersOf(summary).sort((a, b) => a.offset - b.offset);
  }

  /** Shows the preview of the moment `offset` (ms from the start). */
  showAt(offset) {
    const duration = this.#controller.duration;
    if (!(duration > 0)) {
      return;
    }
    const time = Math.min(duration, Math.max(0, offset));
    const { left, width } = this.#bar();
    const x = left + (time / duration) * width;
    const half = this.#element.offsetWidth / 2 || 112;
    this.#element.style.left = `${Math.min(this.#track.clientWidth - half, Math.max(half, x))}px`;
    this.#element.hidden = false;
    this.#element.dataset.timeMs = String(Math.round(time));
    this.#time.textContent = formatDuration(time);
    this.#events.replaceChildren(...this.#eventsNear(time, duration).map((marker) => {
      const item = document.createElement('li');
      item.textContent = markerText(marker);
      item.title = markerText(marker);
      item.dataset.kind = marker.kind;
      return item;
    }));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#draw(time), HOVER_DELAY_MS);
  }

  hide() {
    clearTimeout(this.#timer);
    this.#abort?.abort();
    this.#element.hidden = true;
  }

  #onPointer(event) {
    if (event.target.closest?.('.marker-group-list')) {
      this.hide();
      return;
    }
    const { left, width } = this.#bar();
    const x = event.clientX - this.#track.getBoundingClientRect().left;
    this.showAt(((x - left) / width) * this.#controller.duration);
  }

  #onFocus(event) {
    const offset = Number(event.target.dataset?.offset);
    if (Number.isFinite(offset) && event.target.dataset.offset !== undefined) {
      this.showAt(offset);
    }
  }

  // The bar's usable span inside the track, in px from the track's left edge: the range input's
  // thumb keeps its centre 8 px from each end (the markers' inset).
  #bar() {
    const inset = 8;
    const width = Math.max(1, this.#track.clientWidth - 2 * inset);
    return { left: inset, width };
  }

  #eventsNear(time, duration) {
    const reach = Math.max(1000, duration / 100);
    const near = this.#markers.filter((marker) => Math.abs(marker.offset - time) <= reach);
    return near.slice(0, MAX_EVENTS_SHOWN);
  }

  async #draw(time) {
    const second = Math.round(time / 1000);
    if (second === this.#shownSecond && this.#element.dataset.state === 'ready') {
      return;
    }
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#element.dataset.state = 'loading';
    try {
      const window = await this.#window(second);
      if (abort.signal.aborted) {
        return;
      }
      this.#replayer?.destroy?.();
      this.#frame.replaceChildren();
      if (!window.events.length) {
        this.#element.dataset.state = 'unavailable';
        return;
      }
      this.#replayer = drawStill(this.#frame, window.events, window.sessionStart + second * 1000);
      this.#shownSecond = second;
      this.#element.dataset.state = 'ready';
    } catch (error) {
      if (!abort.signal.aborted) {
        this.#element.dataset.state = 'unavailable';
      }
    }
  }

  // not aborted when the pointer moves on: the window is cached for when it comes back
  #window(second) {
    let window = this.#cache.get(second);
    if (!window) {
      const at = second * 1000;
      window = fetchEventWindow(this.#sessionId, { from: at, to: at, continuation: true });
      window.catch(() => this.#cache.delete(second));
      this.#cache.set(second, window);
      if (this.#cache.size > CACHE_SIZE) {
        this.#cache.delete(this.#cache.keys().next().value);
      }
    }
    return window;
  }
}

function el(tag, className) {
  const element = document.createElement(tag);
  element.className = className;
  return element;
}
