// Playlists (/playlists): mine or all, search by name, create, delete; My Watch History is shown
// first as a built-in playlist.

import { api } from '../api.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';
import { formatInstant } from '../format.js';
import { canEditPlaylists, isAdmin } from '../me.js';
import { pager } from '../pager.js';

const PAGE_SIZE = 25;

export async function render(main, { user }) {
  document.title = 'Playlists · Replay';
  const params = new URLSearchParams(window.location.search);
  const state = { q: params.get('q') ?? '', mine: params.get('mine') === 'true', page: 0 };
  const list = h('div', { class: 'table-wrap' });
  const status = statusLine('playlists-status');

  const search = h(
    'form',
    { class: 'toolbar', role: 'search', 'aria-label': 'Find playlists' },
    field('Name contains', h('input', { type: 'search', name: 'q', value: state.q, 'data-testid': 'playlist-search' })),
    h('div', { class: 'field field-check' }, h('label', {}, h('input', { type: 'checkbox', name: 'mine', checked: state.mine }), ' Only mine')),
    h('button', { type: 'submit', class: 'button' }, 'Search'),
  );
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(search);
    state.q = String(data.get('q') ?? '').trim();
    state.mine = data.get('mine') !== null;
    state.page = 0;
    const address = new URL('/playlists', window.location.origin);
    if (state.q) address.searchParams.set('q', state.q);
    if (state.mine) address.searchParams.set('mine', 'true');
    window.history.replaceState(null, '', address);
    load();
  });

  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Playlists')),
    canEditPlaylists(user) ? createForm() : null,
    h('section', { class: 'panel' }, search, status, list),
  );
  await load();

  async function load() {
    try {
      const [page, watched] = await Promise.all([
        api('/api/v1/playlists', { query: { q: state.q, mine: state.mine, page: state.page, size: PAGE_SIZE } }),
        // the built-in row counts like the others; the list works without it
        api('/api/v1/me/history', { query: { page: 0, size: 1 } }).catch(() => null),
      ]);
      replace(list, table(page, watched), pager(page, (next) => { state.page = next; load(); }));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function table(page, watched) {
    const { sessions, updated } = watchHistorySummary(watched);
    const history = state.page === 0 && !state.q
      ? h(
          'tr',
          { class: 'builtin-row', 'data-testid': 'watch-history-row' },
          h('td', {}, h('a', { href: '/history', class: 'row-link' }, 'My Watch History'), ' ', h('span', { class: 'role-tag' }, 'built-in')),
          h('td', { class: 'muted' }, 'Every session you played, the most recent first'),
          h('td', {}, user.username),
          h('td', { class: 'numeric', 'data-testid': 'watch-history-count' }, sessions),
          h('td', {}, updated ? formatInstant(updated) : '—'),
          h('td', {}),
        )
      : null;
    return h(
      'table',
      { class: 'table', 'data-testid': 'playlists-table' },
      h('caption', { class: 'visually-hidden' }, 'Playlists'),
      h('thead', {}, h('tr', {}, ['Name', 'Description', 'Owner', 'Sessions', 'Updated'].map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
      h(
        'tbody',
        {},
        history,
        page.items.map((playlist) => row(playlist)),
        page.items.length === 0 ? h('tr', {}, h('td', { colspan: '6', class: 'muted' }, state.q ? 'No playlist has that name.' : 'No playlists yet.')) : null,
      ),
    );
  }

  function row(playlist) {
    const mayEdit = isAdmin(user) || (canEditPlaylists(user) && playlist.ownerId === user.id);
    return h(
      'tr',
      { 'data-testid': 'playlist-row', 'data-playlist-id': playlist.id },
      h('td', {}, h('a', { href: `/playlists/${playlist.id}`, class: 'row-link' }, playlist.name)),
      h('td', { class: 'muted' }, playlist.description ?? ''),
      h('td', {}, playlist.ownerUsername),
      h('td', { class: 'numeric' }, String(playlist.sessionCount)),
      h('td', {}, formatInstant(playlist.updatedAt)),
      h(
        'td',
        { class: 'actions' },
        mayEdit
          ? h('button', { type: 'button', class: 'button button-quiet button-danger', 'aria-label': `Delete playlist ${playlist.name}`, onclick: () => remove(playlist) }, 'Delete')
          : null,
      ),
    );
  }

  async function remove(playlist) {
    if (!window.confirm(`Delete the playlist “${playlist.name}”? The sessions stay.`)) {
      return;
    }
    try {
      await api(`/api/v1/playlists/${playlist.id}`, { method: 'DELETE' });
      showStatus(status, `Deleted “${playlist.name}”.`);
      load();
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function createForm() {
    const created = statusLine('create-playlist-status');
    const form = h(
      'form',
      { class: 'panel inline-form', 'aria-labelledby': 'create-playlist-title', 'data-testid': 'create-playlist' },
      h('h2', { id: 'create-playlist-title' }, 'New playlist'),
      h(
        'div',
        { class: 'form-row' },
        field('Name', h('input', { name: 'name', required: true, maxlength: '200', 'data-testid': 'playlist-name' })),
        field('Description', h('input', { name: 'description', maxlength: '2000', 'data-testid': 'playlist-description' })),
        h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'create-playlist-submit' }, 'Create'),
      ),
      created,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      try {
        const playlist = await api('/api/v1/playlists', {
          method: 'POST',
          body: { name: data.get('name'), description: data.get('description') || null },
        });
        form.reset();
        showStatus(created, `Created “${playlist.name}”.`);
        state.page = 0;
        load();
      } catch (error) {
        showStatus(created, describeError(error), { error: true });
      }
    });
    return form;
  }
}

/**
 * The Sessions and Updated cells of My Watch History's row, from the first page of the history
 * (`/api/v1/me/history`, most recent first): how many sessions were played and when the last one
 * was; `—` and null when the history could not be read.
 */
export function watchHistorySummary(history) {
  if (!history) {
    return { sessions: '—', updated: null };
  }
  return { sessions: String(history.totalItems), updated: history.items?.[0]?.lastWatchedAt ?? null };
}
