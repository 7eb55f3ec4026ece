// One playlist (/playlists/{id}): its sessions in the order they were added, play all in
// sequence, remove, rename and describe.

import { api } from '../api.js';
import { h, replace, field, statusLine, showStatus, describeError } from '../dom.js';
import { formatDuration, formatInstant, shortId } from '../format.js';
import { canEditPlaylists, isAdmin } from '../me.js';
import { pager } from '../pager.js';
import { sessionDetails } from '../session-details.js';

const PAGE_SIZE = 50;

export async function render(main, { user, params: [playlistId] }) {
  let playlist = await api(`/api/v1/playlists/${encodeURIComponent(playlistId)}`);
  const mayEdit = isAdmin(user) || (canEditPlaylists(user) && playlist.ownerId === user.id);
  const state = { page: 0 };
  const heading = h('h1', { 'data-testid': 'playlist-title' });
  const description = h('p', { class: 'muted' });
  const meta = h('p', { class: 'muted small' });
  const playAll = h('a', { class: 'button button-primary', 'data-testid': 'play-all', hidden: true }, '▶ Play all');
  const status = statusLine('playlist-status');
  const list = h('div', { class: 'table-wrap' });

  replace(
    main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '/playlists' }, '← Playlists')),
    h('div', { class: 'page-head' }, h('div', {}, heading, description, meta), playAll),
    mayEdit ? editForm() : null,
    h('section', { class: 'panel' }, status, list),
  );
  showHeader();
  await load();

  function showHeader() {
    document.title = `${playlist.name} · Playlists · Replay`;
    heading.textContent = playlist.name;
    description.textContent = playlist.description ?? '';
    meta.textContent = `${playlist.sessionCount} session${playlist.sessionCount === 1 ? '' : 's'} · by ${playlist.ownerUsername} · updated ${formatInstant(playlist.updatedAt)}`;
  }

  async function load() {
    try {
      const page = await api(`/api/v1/playlists/${playlist.id}/items`, { query: { page: state.page, size: PAGE_SIZE } });
      const details = await sessionDetails(page.items.map((item) => item.sessionId));
      if (state.page === 0 && page.items.length > 0) {
        playAll.href = playerHref(page.items[0].sessionId);
        playAll.hidden = false;
      } else if (state.page === 0) {
        playAll.hidden = true;
      }
      replace(list, table(page, details), pager(page, (next) => { state.page = next; load(); }));
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function playerHref(sessionId) {
    return `/replays/${encodeURIComponent(sessionId)}?playlist=${encodeURIComponent(playlist.id)}`;
  }

  function table(page, details) {
    if (page.items.length === 0) {
      return h(
        'div',
        { class: 'empty', 'data-testid': 'playlist-empty' },
        h('h2', {}, 'This playlist is empty'),
        h('p', {}, 'Open a session and choose “Add to playlist” in the player’s top bar.'),
      );
    }
    return h(
      'table',
      { class: 'table', 'data-testid': 'playlist-items' },
      h('caption', { class: 'visually-hidden' }, `Sessions in ${playlist.name}, in the order they were added`),
      h(
        'thead',
        {},
        h('tr', {}, ['#', 'Session', 'Duration', 'First URL or screen', 'Added by', 'Added'].map((label) => h('th', { scope: 'col' }, label)), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions'))),
      ),
      h(
        'tbody',
        {},
        page.items.map((item, index) => {
          const session = details.get(item.sessionId);
          return h(
            'tr',
            { 'data-testid': 'playlist-item', 'data-session-id': item.sessionId },
            h('td', { class: 'numeric muted' }, String(page.page * page.size + index + 1)),
            h(
              'td',
              {},
              h('a', { href: playerHref(item.sessionId), class: 'row-link' }, session ? formatInstant(session.startedAt) : 'Deleted session'),
              h('div', { class: 'muted small', title: item.sessionId }, shortId(item.sessionId)),
            ),
            h('td', { class: 'numeric' }, session ? formatDuration(session.durationMs) : '—'),
            h('td', { class: 'url-cell', title: session?.firstUrl ?? '' }, session?.firstUrl ?? '—'),
            h('td', {}, item.addedBy),
            h('td', {}, formatInstant(item.addedAt)),
            h(
              'td',
              { class: 'actions' },
              mayEdit
                ? h('button', { type: 'button', class: 'button button-quiet button-danger', 'data-testid': 'remove-item', 'aria-label': `Remove session ${shortId(item.sessionId)} from the playlist`, onclick: () => remove(item.sessionId) }, 'Remove')
                : null,
            ),
          );
        }),
      ),
    );
  }

  async function remove(sessionId) {
    try {
      await api(`/api/v1/playlists/${playlist.id}/items/${encodeURIComponent(sessionId)}`, { method: 'DELETE' });
      playlist = await api(`/api/v1/playlists/${playlist.id}`);
      showHeader();
      showStatus(status, 'Removed the session from the playlist.');
      load();
    } catch (error) {
      showStatus(status, describeError(error), { error: true });
    }
  }

  function editForm() {
    const saved = statusLine('edit-playlist-status');
    const form = h(
      'form',
      { class: 'panel inline-form', 'aria-labelledby': 'edit-playlist-title' },
      h('h2', { id: 'edit-playlist-title' }, 'Name and description'),
      h(
        'div',
        { class: 'form-row' },
        field('Name', h('input', { name: 'name', required: true, maxlength: '200', value: playlist.name })),
        field('Description', h('input', { name: 'description', maxlength: '2000', value: playlist.description ?? '' })),
        h('button', { type: 'submit', class: 'button' }, 'Save'),
      ),
      saved,
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      try {
        playlist = await api(`/api/v1/playlists/${playlist.id}`, {
          method: 'PATCH',
          body: { name: data.get('name'), description: data.get('description') },
        });
        showHeader();
        showStatus(saved, 'Saved.');
      } catch (error) {
        showStatus(saved, describeError(error), { error: true });
      }
    });
    return form;
  }
}
