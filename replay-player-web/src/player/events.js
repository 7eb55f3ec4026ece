// The event list beside the replay: the page views, clicks, rage and dead clicks, inputs and errors
// of the session's timeline summary, in order. Choosing one seeks there. While the player moves,
// the item at the playhead is marked (aria-current) and kept in view, unless the viewer has just
// scrolled the list themselves. A long session has tens of thousands of items: only the rows in
// view and a margin around them are in the page, and room is left for the others.

import { FILTERS, eventsOf, filterCounts, filterItems, itemText, playheadIndex, repeats, rowWindow } from './event-items.js';
import { afterNextPaint } from './first-paint.js';
import { formatDuration } from './format.js';
import { KINDS } from './markers.js';
import { PlayerState } from './state.js';

// How long the list leaves its scroll position alone after the viewer scrolled it.
const MANUAL_SCROLL_MS = 4000;

const FOLLOW_INTERVAL_MS = 200;

// How many rows beyond those in view are in the page on each side: enough for a few pages of
// keys or wheel before the next rows are drawn.
const OVERSCAN_ROWS = 40;

export class EventList {
  #controller;
  #list;
  #status;
  #filterBar;
  #items = [];
  #shown = [];
  #offsets = [];
  // the rows in the page, by index in #shown: [#start, #end)
  #rows = new Map();
  #start = 0;
  #end = 0;
  #rowHeight = 0;
  #padding = null;
  #frame = 0;
  #filter = 'all';
  #current = -1;
  #timer = 0;
  #manualUntil = 0;

  /** `elements`: `{ list, status, filters }` of the event panel. */
  constructor(controller, { list, status, filters }) {
    this.#controller = controller;
    this.#list = list;
    this.#status = status;
    this.#filterBar = filters;
    controller.addEventListener('statechange', () => this.#follow());
    // after a seek, the moment is painted first
    controller.addEventListener('seeked', () => afterNextPaint().then(() => this.#highlight(true)));
    for (const type of ['wheel', 'touchmove']) {
      list.addEventListener(type, () => this.#scrolledByHand(), { passive: true });
    }
    list.addEventListener('keydown', (event) => {
      if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].includes(event.key)) {
        this.#scrolledByHand();
      }
    });
    list.addEventListener('scroll', () => this.#drawSoon(), { passive: true });
    // a list shown or resized (a hidden panel has no rows in view) draws the rows now in view
    new ResizeObserver(() => this.#drawSoon()).observe(list);
  }

  /** Shows the events of a timeline summary, as `/timeline` returns it. */
  show(timeline) {
    this.#items = eventsOf(timeline);
    this.#drawFilters();
    this.#draw();
  }

  /** Says that the events could not be loaded (or why there are none); the player works without them. */
  fail(message = 'The list of events could not be loaded.') {
    this.#items = [];
    this.#shown = [];
    this.#offsets = [];
    this.#clearRows();
    this.#status.textContent = message;
    this.#status.classList.add('is-error');
  }

  #drawFilters() {
    const counts = filterCounts(this.#items);
    const buttons = FILTERS.map((filter) => {
      const count = counts.get(filter.key);
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'event-filter-button';
      button.dataset.filter = filter.key;
      button.dataset.testid = `event-filter-${filter.key}`;
      button.setAttribute('aria-pressed', String(filter.key === this.#filter));
      button.textContent = filter.label;
      const badge = document.createElement('span');
      badge.className = 'event-filter-count';
      badge.textContent = String(count);
      button.append(' ', badge);
      button.disabled = count === 0 && filter.key !== 'all';
      button.addEventListener('click', () => {
        this.#filter = filter.key;
        for (const other of this.#filterBar.querySelectorAll('button')) {
          other.setAttribute('aria-pressed', String(other === button));
        }
        this.#draw();
      });
      return button;
    });
    this.#filterBar.replaceChildren(...buttons);
  }

  // Shows the items of the chosen filter, scrolled to the one at the playhead.
  #draw() {
    this.#shown = filterItems(this.#items, this.#filter);
    this.#offsets = this.#shown.map((item) => item.offset);
    this.#current = playheadIndex(this.#offsets, this.#controller.currentTime);
    this.#clearRows();
    this.#drawRows();
    this.#status.classList.remove('is-error');
    if (this.#items.length === 0) {
      this.#status.textContent = 'Nothing happened in this session that the list shows: no clicks, inputs, errors or page changes.';
    } else {
      this.#status.textContent = `${this.#shown.length} event${this.#shown.length === 1 ? '' : 's'}`;
    }
    if (this.#current >= 0) {
      this.#reveal(this.#current, false);
    }
  }

  #clearRows() {
    this.#rows.clear();
    this.#start = 0;
    this.#end = 0;
    this.#list.replaceChildren();
    this.#list.style.removeProperty('--rows-before');
    this.#list.style.removeProperty('--rows-after');
  }

  #drawSoon() {
    if (!this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.#drawRows();
      });
    }
  }

  // Puts the rows in view and their margins in the page, keeping the rows already there (and so
  // the focus in them); the list's style sheet leaves room for the rows before and after them.
  #drawRows() {
    const list = this.#list;
    const padding = this.#listPadding();
    const height = this.#measureRow();
    const { start, end } = rowWindow({
      count: this.#shown.length,
      rowHeight: height,
      scrollTop: list.scrollTop - padding.top,
      height: list.clientHeight,
      overscan: OVERSCAN_ROWS,
    });
    if (start === this.#start && end === this.#end && height === this.#rowHeight) {
      return;
    }
    this.#rowHeight = height;
    for (const [index, row] of this.#rows) {
      if (index < start || index >= end) {
        row.remove();
        this.#rows.delete(index);
      }
    }
    const kept = this.#rows.size > 0;
    const before = document.createDocumentFragment();
    const after = document.createDocumentFragment();
    for (let i = start; i < end; i++) {
      if (!this.#rows.has(i)) {
        const row = this.#row(i);
        this.#rows.set(i, row);
        (kept && i < this.#start ? before : after).append(row);
      }
    }
    list.prepend(before);
    list.append(after);
    this.#start = start;
    this.#end = end;
    list.style.setProperty('--rows-before', `${start * height}px`);
    list.style.setProperty('--rows-after', `${(this.#shown.length - end) * height}px`);
  }

  // The height of a row (each is one line, cut to the list's width), from one in the page; 0 while
  // the list is not shown.
  #measureRow() {
    if (this.#shown.length === 0) {
      return 0;
    }
    if (this.#rows.size === 0) {
      const row = this.#row(0);
      this.#list.append(row);
      this.#rows.set(0, row);
      this.#start = 0;
      this.#end = 1;
    }
    return this.#rows.get(this.#start).getBoundingClientRect().height;
  }

  // The list's own padding, from its style sheet (the first row stands below it).
  #listPadding() {
    if (!this.#padding) {
      const style = getComputedStyle(this.#list);
      this.#padding = { top: parseFloat(style.paddingTop) || 0 };
    }
    return this.#padding;
  }

  #row(index) {
    const item = this.#shown[index];
    const entry = document.createElement('li');
    entry.setAttribute('aria-setsize', String(this.#shown.length));
    entry.setAttribute('aria-posinset', String(index + 1));
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `event-item event-${item.kind}`;
    button.dataset.testid = 'event-item';
    button.dataset.kind = item.kind;
    button.dataset.offset = String(item.offset);
    const time = span('event-time', formatDuration(item.offset));
    const kind = span('event-kind', `${KINDS[item.kind]}${repeats(item)}`);
    const label = span('event-label', item.label ?? '');
    button.append(time, kind, label);
    button.setAttribute('aria-label', itemText(item));
    // the label is cut to the list's width: the whole item on hover
    button.title = itemText(item);
    button.addEventListener('click', () => {
      this.#manualUntil = 0;
      this.#controller.seek(item.offset);
    });
    markButton(button, index, this.#current);
    entry.append(button);
    return entry;
  }

  #follow() {
    const playing = this.#controller.state === PlayerState.PLAYING;
    if (playing && !this.#timer) {
      this.#timer = setInterval(() => this.#highlight(false), FOLLOW_INTERVAL_MS);
    } else if (!playing && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = 0;
    }
    this.#highlight(false);
  }

  // Marks the last item at or before the playhead, and the ones before it as past, and keeps it in
  // view unless the viewer scrolls the list.
  #highlight(jumped) {
    const index = playheadIndex(this.#offsets, this.#controller.currentTime);
    if (index === this.#current && !jumped) {
      return;
    }
    this.#mark(index);
    if (index >= 0 && (jumped || Date.now() >= this.#manualUntil)) {
      this.#reveal(index, true);
    }
  }

  // Only the rows in the page from the one marked before to the new one change.
  #mark(index) {
    const from = Math.max(this.#start, Math.min(index, this.#current));
    const to = Math.min(this.#end - 1, Math.max(index, this.#current));
    for (let i = from; i <= to; i++) {
      const row = this.#rows.get(i);
      if (row) {
        markButton(row.firstElementChild, i, index);
      }
    }
    this.#current = index;
  }

  // Scrolls the list (never the page) so that the item is in view, a little below the top.
  #reveal(index, animate) {
    const list = this.#list;
    const height = this.#rowHeight;
    if (height === 0) {
      return;
    }
    const top = this.#listPadding().top + index * height;
    if (top >= list.scrollTop && top + height <= list.scrollTop + list.clientHeight) {
      return;
    }
    const target = Math.max(0, top - list.clientHeight / 3);
    // far away, the rows on the way would all be drawn for nothing: jump
    const near = Math.abs(target - list.scrollTop) <= 2 * OVERSCAN_ROWS * height;
    const smooth = animate && near && !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollTo({ top: target, behavior: smooth ? 'smooth' : 'auto' });
    if (!smooth) {
      this.#drawRows();
    }
  }

  #scrolledByHand() {
    this.#manualUntil = Date.now() + MANUAL_SCROLL_MS;
  }
}

// An item's marks for the playhead at `current`: past, current (aria-current) or neither.
function markButton(button, index, current) {
  button.classList.toggle('is-past', index < current);
  button.classList.toggle('is-current', index === current);
  if (index === current) {
    button.setAttribute('aria-current', 'true');
  } else {
    button.removeAttribute('aria-current');
  }
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
