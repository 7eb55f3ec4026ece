// The player's "Developer tools" panel: a session's errors, console messages, network resources
// (with a waterfall), actions, long tasks and view timings, from GET /api/v1/sessions/{id}/rum.
// Datadog sessions list the RUM events their SDK sent; sessions of our recorder script list the
// console messages, unhandled errors, navigations, requests, clicks and long tasks it recorded in
// the rrweb stream (the server derives them when it indexes the session). An empty Network,
// Actions or Long tasks tab says whether none happened or the session's recorder did not capture
// that kind. Every row seeks the replay to its moment; RUM errors
// and frustration signals (rage, dead and error clicks) are also drawn on the seek bar. The Assets
// tab lists the stylesheets, fonts and images the recording references and whether the server
// captured them (GET /api/v1/sessions/{id}/assets).

import { assetState, emptyAssetsText, shortUrl } from './asset-items.js';
import { afterFirstMoment, inSlices } from './first-paint.js';
import { formatBytes, formatDuration } from './format.js';

const PAGE_SIZE = 1000;
const MAX_PAGES = 20;

const TABS = Object.freeze([
  { id: 'errors', label: 'Errors', accepts: (event) => event.type === 'error' },
  {
    id: 'console',
    label: 'Console',
    accepts: (event) => event.type === 'console' || (event.type === 'error' && event.error?.source === 'console'),
  },
  { id: 'network', label: 'Network', accepts: (event) => event.type === 'resource' },
  { id: 'actions', label: 'Actions', accepts: (event) => event.type === 'action' },
  { id: 'long-tasks', label: 'Long tasks', accepts: (event) => event.type === 'long_task' },
  { id: 'views', label: 'Views', accepts: (event) => event.type === 'view' },
  // not RUM events: the assets come from an endpoint of their own
  { id: 'assets', label: 'Assets', accepts: null },
]);

// Tabs of kinds a recorder may not capture at all: an empty tab says whether none happened or
// none were recorded, from the kinds the session's recorders captured (the page's `captured`).
const CAPTURED_KINDS = Object.freeze({
  network: { kind: 'resource', what: 'network requests' },
  actions: { kind: 'action', what: 'actions' },
  'long-tasks': { kind: 'long_task', what: 'long tasks' },
});

const FRUSTRATIONS = Object.freeze({
  rage_click: { kind: 'rage-click', name: 'Rage click' },
  dead_click: { kind: 'dead-click', name: 'Dead click' },
  error_click: { kind: 'error-click', name: 'Error click' },
});

const OPEN_KEY = 'replay.devtools.open';

/**
 * Adds the panel below the player's controls, opened and closed by a button at the end of the
 * controls (closed at first; the choice is remembered in this browser), and its markers on the seek
 * bar. The player works without it: a failure to load the events only shows a message in the panel.
 */
export function attachDevtools(controller, source, { root, seekTrack }) {
  if (!source) {
    return null;
  }
  const panel = new DevtoolsPanel(controller, source);
  root.append(panel.element);
  const toggle = element('button', 'devtools-open', 'Developer tools');
  toggle.type = 'button';
  toggle.dataset.testid = 'devtools-open';
  toggle.setAttribute('aria-controls', panel.element.id);
  const setOpen = (open) => {
    panel.element.hidden = !open;
    root.classList.toggle('has-devtools', open);
    toggle.setAttribute('aria-expanded', String(open));
    remember(open);
  };
  toggle.addEventListener('click', () => setOpen(panel.element.hidden));
  panel.onClose = () => setOpen(false);
  (seekTrack?.closest('.controls') ?? root).append(toggle);
  setOpen(recalled());

  const markers = element('div', 'seek-markers devtools-markers');
  markers.dataset.testid = 'devtools-markers';
  seekTrack?.append(markers);
  afterFirstMoment(controller).then(() => panel.load()).then((events) => {
    if (!events) {
      return;
    }
    const errors = events.filter((event) => event.type === 'error').length;
    if (errors) {
      toggle.append(element('span', 'devtools-open-count', String(errors)));
      toggle.title = `${errors} error${errors === 1 ? '' : 's'}`;
    }
    const draw = () => {
      if (controller.duration > 0) {
        drawMarkers(controller, markers, events);
        controller.removeEventListener('statechange', draw);
      }
    };
    controller.addEventListener('statechange', draw);
    draw();
  });
  return panel;
}

function recalled() {
  try {
    return window.localStorage.getItem(OPEN_KEY) === 'true';
  } catch (error) {
    return false;
  }
}

function remember(open) {
  try {
    window.localStorage.setItem(OPEN_KEY, String(open));
  } catch (error) {
    // storage unavailable: the panel starts closed next time
  }
}

class DevtoolsPanel {
  #controller;
  #source;
  #tabs = new Map();
  #lists = new Map();
  #selected = 'errors';
  #rows = new Map();
  #current = null;
  onClose = null;

  constructor(controller, source) {
    this.#controller = controller;
    this.#source = source;
    this.element = element('section', 'devtools');
    this.element.id = 'devtools';
    this.element.dataset.testid = 'devtools';
    this.element.dataset.state = 'loading';
    this.element.setAttribute('aria-label', 'Developer tools');
    const header = element('div', 'devtools-header');
    const title = element('h2', 'devtools-title', 'Developer tools');
    const tablist = element('div', 'devtools-tabs');
    tablist.setAttribute('role', 'tablist');
    for (const tab of TABS) {
      const button = element('button', 'devtools-tab');
      button.type = 'button';
      button.dataset.tab = tab.id;
      button.dataset.testid = `devtools-tab-${tab.id}`;
      button.setAttribute('role', 'tab');
      button.addEventListener('click', () => this.select(tab.id));
      this.#tabs.set(tab.id, button);
      tablist.append(button);
      const list = element('div', `devtools-list devtools-list-${tab.id}`);
      list.dataset.testid = `devtools-list-${tab.id}`;
      list.setAttribute('role', 'tabpanel');
      this.#lists.set(tab.id, list);
    }
    const close = element('button', 'devtools-toggle', 'Close');
    close.type = 'button';
    close.dataset.testid = 'devtools-close';
    close.addEventListener('click', () => this.onClose?.());
    header.append(title, tablist, close);
    this.status = element('p', 'devtools-status', 'Loading events…');
    this.element.append(header, this.status, ...this.#lists.values());
    this.#updateTabs(new Map());
  }

  select(tabId) {
    this.#selected = tabId;
    for (const [id, button] of this.#tabs) {
      const selected = id === tabId;
      button.classList.toggle('is-selected', selected);
      button.setAttribute('aria-selected', String(selected));
      this.#lists.get(id).hidden = !selected;
    }
    // the status speaks of the RUM events; the Assets tab says what it has itself
    this.status.hidden = tabId === 'assets' || !this.status.textContent;
  }

  /** Loads every event of the session and fills the tabs; resolves to the events, or null. */
  async load() {
    const assets = this.#loadAssets();
    let events;
    let captured;
    try {
      ({ events, captured } = await fetchAllEvents(this.#source));
    } catch (error) {
      this.status.textContent = 'The developer tools could not load this session’s events.';
      this.#updateTabs(new Map([['assets', await assets]]));
      this.element.dataset.state = 'error';
      return null;
    }
    const counts = new Map([['assets', await assets]]);
    for (const tab of TABS.filter((candidate) => candidate.accepts)) {
      const rows = events.filter(tab.accepts);
      counts.set(tab.id, rows.length);
      await this.#fill(tab.id, rows);
      if (!rows.length && CAPTURED_KINDS[tab.id]) {
        this.#lists.get(tab.id).replaceChildren(emptyCaptureText(CAPTURED_KINDS[tab.id], captured));
      }
    }
    this.#updateTabs(counts);
    this.status.textContent = events.length ? '' : 'No developer events were recorded in this session.';
    // open on the first tab that has something, errors first
    this.select(TABS.find((tab) => counts.get(tab.id) > 0)?.id ?? 'errors');
    this.element.dataset.state = 'ready';
    // mark the row of the moment shown, in the open tab
    setInterval(() => this.#markCurrent(), 500);
    return events;
  }

  // fills the Assets tab; resolves to the number of assets
  async #loadAssets() {
    const list = this.#lists.get('assets');
    let assets;
    try {
      assets = await this.#source.assets();
    } catch (error) {
      list.replaceChildren(element('p', 'devtools-status', 'The developer tools could not load this session’s assets.'));
      return 0;
    }
    if (!assets.length) {
      // an unprocessed session has no timeline figures yet; without the session, assume processed
      const session = await this.#source.session();
      const empty = element('p', 'devtools-status', emptyAssetsText(!session || session.timeline != null));
      empty.dataset.testid = 'devtools-assets-empty';
      list.replaceChildren(empty);
      return 0;
    }
    list.replaceChildren(...assets.map(assetRow));
    return assets.length;
  }

  #markCurrent() {
    const rows = this.#rows.get(this.#selected) ?? [];
    const time = this.#controller.currentTime;
    let current = null;
    for (const row of rows) {
      if (row.offset > time) {
        break;
      }
      current = row.element;
    }
    if (current !== this.#current) {
      this.#current?.classList.remove('is-current');
      current?.classList.add('is-current');
      this.#current = current;
    }
  }

  #updateTabs(counts) {
    for (const tab of TABS) {
      const count = counts.get(tab.id) ?? 0;
      this.#tabs.get(tab.id).textContent = count ? `${tab.label} (${count})` : tab.label;
    }
    this.select(this.#selected);
  }

  // A long session has thousands of rows: they are built in slices that give way to a seek.
  async #fill(tabId, events) {
    const list = this.#lists.get(tabId);
    const waterfall = tabId === 'network' ? spanOf(events) : null;
    const fragment = document.createDocumentFragment();
    const rows = new Array(events.length);
    await inSlices(this.#controller, events.length, (i) => {
      const row = this.#row(tabId, events[i], waterfall);
      rows[i] = { offset: events[i].offsetMs, element: row };
      fragment.append(row);
    });
    this.#rows.set(tabId, rows);
    list.replaceChildren(fragment);
  }

  #row(tabId, event, waterfall) {
    const row = element('div', `devtools-row devtools-row-${event.type}`);
    row.dataset.testid = 'devtools-row';
    row.dataset.type = event.type;
    row.dataset.offset = String(event.offsetMs);
    row.tabIndex = 0;
    row.setAttribute('role', 'button');
    row.title = `Go to ${formatDuration(Math.max(0, event.offsetMs))}`;
    const seek = () => this.#controller.seek(Math.max(0, event.offsetMs));
    row.addEventListener('click', seek);
    row.addEventListener('keydown', (key) => {
      if (key.key === 'Enter' || key.key === ' ') {
        key.preventDefault();
        seek();
      }
    });
    row.append(element('span', 'devtools-time', formatOffset(event.offsetMs)));
    const body = element('div', 'devtools-body');
    switch (tabId) {
      case 'errors':
      case 'console':
        this.#problem(body, event);
        break;
      case 'network':
        network(body, event, waterfall);
        break;
      case 'actions':
        action(body, event);
        break;
      case 'long-tasks':
        body.append(element('span', 'devtools-main', `Long task of ${formatMs(event.durationMs)}`));
        break;
      default:
        view(body, event);
    }
    row.append(body);
    return row;
  }

  #problem(body, event) {
    const error = event.error ?? {};
    const level = error.level || (event.type === 'error' ? 'error' : 'log');
    body.classList.add(`level-${level}`);
    const head = element('div', 'devtools-line');
    head.append(element('span', 'devtools-main devtools-message', error.message || '(no message)'));
    const source = [error.type, error.source, error.level && event.type !== 'error' ? error.level : null]
      .filter(Boolean).join(' · ');
    if (source) {
      head.append(element('span', 'devtools-tag', source));
    }
    body.append(head);
    if (error.stack) {
      const details = element('details', 'devtools-stack');
      const summary = element('summary', null, 'Stack trace');
      details.append(summary, element('pre', null, error.stack));
      // opening the stack must not seek
      details.addEventListener('click', (click) => click.stopPropagation());
      body.append(details);
    }
  }
}

// a row of the Assets tab: kind, URL (whole in its title), state and, once captured, a link to the copy
function assetRow(asset) {
  const { label, detail } = assetState(asset);
  const row = element('div', `devtools-row devtools-asset is-${asset.status}`);
  row.dataset.testid = 'devtools-asset';
  row.dataset.status = asset.status;
  const line = element('div', 'devtools-line devtools-body');
  const url = element('span', 'devtools-main devtools-url', shortUrl(asset.url));
  url.title = asset.url;
  line.append(element('span', 'devtools-tag', asset.kind), url, element('span', 'devtools-asset-state', label));
  if (detail) {
    line.append(element('span', 'devtools-asset-detail', detail));
  }
  if (asset.status === 'captured' && asset.sha256) {
    const open = element('a', 'devtools-asset-open', 'Open');
    open.href = `/api/v1/assets/${encodeURIComponent(asset.sha256)}`;
    open.target = '_blank';
    open.rel = 'noopener';
    open.title = `Open the captured copy of ${asset.url} in a new tab`;
    line.append(open);
  }
  row.append(line);
  return row;
}

function network(body, event, span) {
  const resource = event.resource ?? {};
  const head = element('div', 'devtools-line devtools-network');
  const status = element('span', 'devtools-status-code', resource.status ? String(resource.status) : '—');
  if (resource.status >= 400) {
    status.classList.add('is-failed');
  }
  head.append(
    element('span', 'devtools-method', resource.method || resource.type || ''),
    element('span', 'devtools-main devtools-url', resource.url || ''),
    status,
    element('span', 'devtools-number', formatMs(event.durationMs)),
    element('span', 'devtools-number', formatBytes(resource.size)),
  );
  const bar = element('div', 'devtools-waterfall');
  const fill = element('span', 'devtools-waterfall-bar');
  if (span && span.length > 0) {
    const left = clampPercent(((event.offsetMs - span.start) / span.length) * 100);
    const width = ((event.durationMs ?? 0) / span.length) * 100;
    fill.style.left = `${left}%`;
    fill.style.width = `${Math.max(0.5, Math.min(100 - left, width))}%`;
  }
  bar.append(fill);
  body.append(head, bar);
}

function action(body, event) {
  const action = event.action ?? {};
  const head = element('div', 'devtools-line');
  head.append(element('span', 'devtools-main', action.name || '(unnamed)'));
  if (action.type) {
    head.append(element('span', 'devtools-tag', action.type));
  }
  for (const type of action.frustrationTypes ?? []) {
    const frustration = element('span', `devtools-frustration frustration-${type.replace('_', '-')}`,
      FRUSTRATIONS[type]?.name ?? type);
    frustration.dataset.frustration = type;
    head.append(frustration);
  }
  body.append(head);
}

function view(body, event) {
  const timings = event.timings ?? {};
  body.append(element('div', 'devtools-main devtools-url', event.view?.url || event.view?.name || ''));
  const figures = [
    ['Load', formatMs(timings.loadingTimeMs)],
    ['FCP', formatMs(timings.firstContentfulPaintMs)],
    ['LCP', formatMs(timings.largestContentfulPaintMs)],
    ['CLS', timings.cumulativeLayoutShift == null ? null : timings.cumulativeLayoutShift.toFixed(3)],
    ['INP', formatMs(timings.interactionToNextPaintMs)],
    ['FID', formatMs(timings.firstInputDelayMs)],
  ].filter(([, value]) => value !== null && value !== '—');
  if (figures.length) {
    const line = element('div', 'devtools-timings');
    for (const [name, value] of figures) {
      line.append(element('span', 'devtools-timing', `${name} ${value}`));
    }
    body.append(line);
  }
}

function drawMarkers(controller, container, events) {
  const duration = controller.duration;
  const fragment = document.createDocumentFragment();
  const add = (kind, name, offset, label) => {
    const button = element('button', `marker marker-${kind}`);
    button.type = 'button';
    button.dataset.kind = kind;
    button.dataset.source = 'rum';
    button.dataset.offset = String(offset);
    button.style.left = `${clampPercent((offset / duration) * 100)}%`;
    const text = `${name} at ${formatDuration(Math.max(0, offset))}${label ? `: ${label}` : ''}`;
    button.title = text;
    button.setAttribute('aria-label', text);
    button.addEventListener('click', () => controller.seek(Math.max(0, offset)));
    fragment.append(button);
  };
  for (const event of events) {
    // errors our recorder recorded are on the timeline's own markers already
    if (event.type === 'error' && event.origin !== 'recorder') {
      add('error', 'Error', event.offsetMs, event.error?.message);
    }
    if (event.type === 'action') {
      for (const type of event.action?.frustrationTypes ?? []) {
        const frustration = FRUSTRATIONS[type];
        if (frustration) {
          add(frustration.kind, frustration.name, event.offsetMs, event.action?.name);
        }
      }
    }
  }
  container.replaceChildren(fragment);
}

function emptyCaptureText({ kind, what }, captured) {
  const text = captured.includes(kind)
    ? `No ${what} were recorded in this session.`
    : `This session’s recorder did not capture ${what}.`;
  const empty = element('p', 'devtools-status', text);
  empty.dataset.testid = 'devtools-empty';
  empty.dataset.captured = String(captured.includes(kind));
  return empty;
}

async function fetchAllEvents(source) {
  const events = [];
  let captured = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = await source.rumPage({ limit: PAGE_SIZE, cursor });
    events.push(...(body.items ?? []));
    captured = body.captured ?? captured;
    cursor = body.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return { events, captured };
}

function spanOf(resources) {
  if (!resources.length) {
    return null;
  }
  const start = Math.min(...resources.map((event) => event.offsetMs));
  const end = Math.max(...resources.map((event) => event.offsetMs + (event.durationMs ?? 0)));
  return { start, length: Math.max(1, end - start) };
}

// m:ss.d: rows a few hundred milliseconds apart stay apart; before the recording started is 0:00.0
function formatOffset(ms) {
  const clamped = Math.max(0, ms);
  return `${formatDuration(clamped)}.${Math.floor((clamped % 1000) / 100)}`;
}

function formatMs(ms) {
  if (ms === null || ms === undefined) {
    return '—';
  }
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

function clampPercent(value) {
  return Math.min(100, Math.max(0, value));
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
