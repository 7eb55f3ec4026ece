// The event list beside the replay: the page views, clicks, rage and dead clicks, inputs and errors
// of the session's timeline summary, in order. Choosing one seeks there. While the player moves,
// the item at the playhead is marked (aria-current) and kept in view, unless the viewer has just
// scrolled the list themselves.

import { FILTERS, eventsOf, filterCounts, filterItems, itemText, playheadIndex, repeats } from './event-items.js';
import { afterNextPaint, inSlices } from './first-paint.js';
import { formatDuration } from './format.js';
import { KINDS } from './markers.js';
import { PlayerState } from './state.js';

// How long the list leaves its scroll position alone after the viewer scrolled it.
const MANUAL_SCROLL_MS = 4000;

const FOLLOW_INTERVAL_MS = 200;

export class EventList {
  #controller;
  #list;
  #status;
  #filterBar;
  #items = [];
  #buttons = [];
  #offsets = [];
  #filter = 'all';
  #current = -1;
  #timer = 0;
  #manualUntil = 0;
  #drawing = 0;

  /** `elements`: `{ list, status, filters }` of the event panel. */
  constructor(controller, { list, status, filters }) {
    this.#controller = controller;
    this.#list = list;
    this.#status = status;
    this.#filterBar = filters;
    controller.addEventListener('statechange', () => this.#follow());
    // after a seek, the moment is painted first: marking and scrolling a long list takes a while
    controller.addEventListener('seeked', () => afterNextPaint().then(() => this.#highlight(true)));
    for (const type of ['wheel', 'touchmove']) {
      list.addEventListener(type, () => this.#scrolledByHand(), { passive: true });
    }
    list.addEventListener('keydown', (event) => {
      if (['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].includes(event.key)) {
        this.#scrolledByHand();
      }
    });
  }

  /** Shows the events of a timeline summary, as `/timeline` returns it. */
  show(timeline) {
    this.#items = eventsOf(timeline);
    this.#drawFilters();
    this.#draw();
  }

  /** Says that the events could not be loaded (or why there are none); the player works without them. */
  fail(message = 'The list of events could not be loaded.') {
    this.#drawing++;
    this.#items = [];
    this.#list.replaceChildren();
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

  // A long session's list takes a while to build: it is built in slices that give way to a seek,
  // then shown whole. A later draw (another filter) replaces one still being built.
  #draw() {
    const drawing = ++this.#drawing;
    const shown = filterItems(this.#items, this.#filter);
    const entries = new Array(shown.length);
    const buttons = new Array(shown.length);
    return inSlices(this.#controller, shown.length, (i) => {
      buttons[i] = this.#button(shown[i]);
      entries[i] = document.createElement('li');
      entries[i].append(buttons[i]);
    }, { cancelled: () => drawing !== this.#drawing }).then((complete) => {
      if (complete) {
        this.#showEntries(shown, buttons, entries);
      }
    });
  }

  #showEntries(shown, buttons, entries) {
    this.#buttons = buttons;
    this.#offsets = shown.map((item) => item.offset);
    this.#current = -1;
    // marked before they join the page, which then styles them once
    const index = playheadIndex(this.#offsets, this.#controller.currentTime);
    this.#mark(index);
    this.#list.replaceChildren(...entries);
    this.#status.classList.remove('is-error');
    if (this.#items.length === 0) {
      this.#status.textContent = 'Nothing happened in this session that the list shows: no clicks, inputs, errors or page changes.';
    } else {
      this.#status.textContent = `${shown.length} event${shown.length === 1 ? '' : 's'}`;
    }
    if (index >= 0) {
      this.#reveal(this.#buttons[index].parentElement);
    }
  }

  #button(item) {
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
    return button;
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
      this.#reveal(this.#buttons[index].parentElement);
    }
  }

  // Only the items from the one marked before to the new one change, which spares the browser
  // restyling a long list.
  #mark(index) {
    const last = Math.min(Math.max(index, this.#current), this.#buttons.length - 1);
    for (let i = Math.max(0, Math.min(index, this.#current)); i <= last; i++) {
      const button = this.#buttons[i];
      button.classList.toggle('is-past', i < index);
      button.classList.toggle('is-current', i === index);
      if (i === index) {
        button.setAttribute('aria-current', 'true');
      } else {
        button.removeAttribute('aria-current');
      }
    }
    this.#current = index;
  }

  // Scrolls the list (never the page) so that the entry is in view, a little below the top.
  #reveal(entry) {
    const list = this.#list;
    const top = entry.offsetTop;
    const bottom = top + entry.offsetHeight;
    if (top >= list.scrollTop && bottom <= list.scrollTop + list.clientHeight) {
      return;
    }
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3), behavior: smooth ? 'smooth' : 'auto' });
  }

  #scrolledByHand() {
    this.#manualUntil = Date.now() + MANUAL_SCROLL_MS;
  }
}

function span(className, text) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
