// What the app adds to the player page's top bar: the way back (to the sessions, or to the
// playlist being played), previous/next session of a playlist with the next one played when a
// session ends (`/replays/{id}?playlist={playlistId}`), "Add to playlist", and the signed-in user.

import { api } from './api.js';
import { h, replace, describeError } from './dom.js';
import { canEditPlaylists, currentUser, isAdmin } from './me.js';
import { userBadge } from './topbar.js';

const PLAYING = 'playing';
const PAUSED = 'paused';
const END_TOLERANCE_MS = 250;
const ADVANCE_DELAY_MS = 1500;

/** Fills `#topbar-extras` of the player page; `controller` is the page's PlayerController. */
export async function attachPlayerExtras(controller, sessionId, container = document.getElementById('topbar-extras')) {
  if (!container || !sessionId) {
    return;
  }
  const playlistId = new URLSearchParams(window.location.search).get('playlist');
  const back = h('a', { class: 'topbar-link', href: '/sessions', 'data-testid': 'back-link' }, '← Sessions');
  const navigation = h('div', { class: 'playlist-nav', 'data-testid': 'playlist-nav', hidden: true });
  const adder = h('div', { class: 'playlist-adder' });
  const user = h('div', { class: 'topbar-user' });
  replace(container, back, navigation, h('span', { class: 'topbar-spacer' }), adder, user);

  let me;
  try {
    me = await currentUser();
  } catch (error) {
    return; // a 401 is on its way to the sign-in page; the player shows other failures
  }
  replace(user, userBadge(me));
  if (canEditPlaylists(me)) {
    replace(adder, addToPlaylist(me, sessionId));
  }
  if (playlistId) {
    showPlaylist(controller, sessionId, playlistId, back, navigation).catch(() => {
      navigation.hidden = true;
    });
  }
}

async function showPlaylist(controller, sessionId, playlistId, back, navigation) {
  const [playlist, items] = await Promise.all([
    api(`/api/v1/playlists/${encodeURIComponent(playlistId)}`),
    api(`/api/v1/playlists/${encodeURIComponent(playlistId)}/items`, { query: { page: 0, size: 200 } }),
  ]);
  back.href = `/playlists/${encodeURIComponent(playlistId)}`;
  back.textContent = `← ${playlist.name}`;
  const ids = items.items.map((item) => item.sessionId);
  const index = ids.indexOf(sessionId);
  if (index < 0) {
    return;
  }
  const href = (id) => `/replays/${encodeURIComponent(id)}?playlist=${encodeURIComponent(playlistId)}`;
  const previous = index > 0 ? href(ids[index - 1]) : null;
  const next = index + 1 < ids.length ? href(ids[index + 1]) : null;
  const announce = h('span', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  replace(
    navigation,
    link(previous, '‹ Previous', 'previous-session', 'Previous session in the playlist'),
    h('span', { class: 'playlist-position', 'data-testid': 'playlist-position' }, `${index + 1} of ${items.totalItems}`),
    link(next, 'Next ›', 'next-session', 'Next session in the playlist'),
    announce,
  );
  navigation.hidden = false;

  if (!next) {
    return;
  }
  let previousState = controller.state;
  controller.addEventListener('statechange', () => {
    const ended = previousState === PLAYING && controller.state === PAUSED && controller.currentTime >= controller.duration - END_TOLERANCE_MS;
    previousState = controller.state;
    if (ended) {
      announce.textContent = 'Playing the next session of the playlist…';
      setTimeout(() => {
        if (controller.state === PAUSED && controller.currentTime >= controller.duration - END_TOLERANCE_MS) {
          window.location.assign(next);
        }
      }, ADVANCE_DELAY_MS);
    }
  });
}

function link(href, label, testId, description) {
  return href
    ? h('a', { class: 'topbar-link', href, 'data-testid': testId, 'aria-label': description }, label)
    : h('span', { class: 'topbar-link is-disabled', 'aria-disabled': 'true' }, label);
}

function addToPlaylist(me, sessionId) {
  const select = h('select', { 'aria-label': 'Playlist', 'data-testid': 'playlist-select' }, h('option', { value: '' }, 'Choose a playlist…'));
  const status = h('span', { class: 'adder-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'add-to-playlist-status' });
  const submit = h('button', { type: 'submit', class: 'button button-small', 'data-testid': 'add-to-playlist-submit' }, 'Add');
  const form = h('form', { class: 'adder-form', hidden: true, 'aria-label': 'Add to playlist' }, select, submit, h('a', { href: '/playlists', class: 'topbar-link small' }, 'New…'));
  const toggle = h(
    'button',
    { type: 'button', class: 'button button-small button-on-dark', 'aria-expanded': 'false', 'data-testid': 'add-to-playlist' },
    '+ Add to playlist',
  );
  let loaded = false;
  toggle.addEventListener('click', async () => {
    const open = form.hidden;
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && !loaded) {
      loaded = true;
      try {
        const page = await api('/api/v1/playlists', { query: { mine: !isAdmin(me), size: 200 } });
        select.append(...page.items.map((playlist) => h('option', { value: playlist.id }, playlist.name)));
        if (page.items.length === 0) {
          status.textContent = 'You have no playlists yet.';
        }
      } catch (error) {
        status.textContent = describeError(error);
      }
    }
    if (open) {
      select.focus();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!select.value) {
      status.textContent = 'Choose a playlist first.';
      return;
    }
    const name = select.selectedOptions[0].textContent;
    try {
      await api(`/api/v1/playlists/${encodeURIComponent(select.value)}/items`, { method: 'POST', body: { sessionId } });
      status.textContent = `Added to ${name}.`;
    } catch (error) {
      status.textContent = error.status === 409 ? `Already in ${name}.` : describeError(error);
    }
  });
  return h('div', { class: 'adder' }, toggle, form, status);
}
