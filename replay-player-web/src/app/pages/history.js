// My Watch History (/history): the sessions I played, the most recent first.

import { api } from '../api.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';
import { formatInstant, instantToLocalInput, localInputToInstant, shortId } from '../format.js';
import { pager } from '../pager.js';

const PAGE_SIZE = 50;

export async function render(main) {
  document.title = 'My Watch History · Replay';
  const params = new URLSearchParams(window.location.search);
  const state = { from: params.get('from') ?? '', to: params.get('to') ?? '', page: 0 };
  const status = statusLine('history-status');
  const list = h('div', { class: 'table-wrap' });

  const filters = h(
    'form',
    { class: 'toolbar', role: 'search', 'aria-label': 'Filter watch history' },
    field('Watched after', h('input', { type: 'datetime-local', name: 'from', value: instantToLocalInput(state.from) })),
    field('Watched before', h('input', { type: 'datetime-local', name: 'to', value: instantToLocalInput(state.to) })),
    h('button', { type: 'submit', class: 'button' }, 'Apply'),
  );
  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(filters);
    state.from = localInputToInstant(data.get('from'));
    state.to = localInputToInstant(data.get('to'));
    state.page = 0;
    const address = new URL('/history', window.location.origin);
    if (state.from) address.searchParams.set('from', state.from);
    if (state.to) address.searchParams.set('to', state.to);
    window.history.replaceState(null, '', address);
    load();
  });

  replace(
    main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'My Watch History'), h('p', { class: 'muted' }, 'Sessions you played in the player or an embedded player, the most recent first. Thumbnails are not counted.'))),
    h('section', { class: 'panel' }, filters, status, list),
  );
  await load();

  async function load() {
    try {
      const page = await api('/api/v1/me/history', { query: { from: state.from, to: state.to, page: state.page, size: PAGE_SIZE } });
      replace(list, table(page), pager(page, (next) => { state.page = next; load(); }));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }
}

function table(page) {
  if (page.items.length === 0) {
    return h(
      'div',
      { class: 'empty', 'data-testid': 'history-empty' },
      h('h2', {}, 'Nothing watched yet'),
      h('p', {}, 'Sessions you play appear here. ', h('a', { href: '/sessions' }, 'Find a session'), '.'),
    );
  }
  return h(
    'table',
    { class: 'table', 'data-testid': 'history-table' },
    h('caption', { class: 'visually-hidden' }, 'Sessions you watched'),
    h('thead', {}, h('tr', {}, ['Last watched', 'Session started', 'First URL or screen', 'Times watched'].map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      {},
      page.items.map((item) =>
        h(
          'tr',
          { 'data-testid': 'history-row', 'data-session-id': item.sessionId },
          h('td', {}, h('a', { href: `/replays/${encodeURIComponent(item.sessionId)}`, class: 'row-link' }, formatInstant(item.lastWatchedAt))),
          h('td', {}, formatInstant(item.startedAt), h('div', { class: 'muted small', title: item.sessionId }, shortId(item.sessionId))),
          h('td', { class: 'url-cell', title: item.firstUrl ?? '' }, item.firstUrl ?? '—'),
          h('td', { class: 'numeric' }, String(item.timesWatched)),
        ),
      ),
    ),
  );
}
