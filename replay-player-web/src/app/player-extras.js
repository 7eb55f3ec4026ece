// What the app adds to the player page's top bar: the way back (to the session list it was
// opened from, or to the playlist being played), previous/next session of that list or playlist
// (a playlist plays the next one when a session ends: `/replays/{id}?playlist={playlistId}`),
// who watched the session, "Add to playlist" (to a new playlist too), and the signed-in user.

import { afterFirstMoment } from '../player/first-paint.js';
import { PlayerState } from '../player/state.js';
import { api } from './api.js';
import { h, replace, describeError } from './dom.js';
import { formatInstant } from './format.js';
import { canEditPlaylists, currentUser, isAdmin } from './me.js';
import { openedList } from './session-list-context.js';
import { userBadge } from './topbar.js';

const END_TOLERANCE_MS = 250;
const ADVANCE_DELAY_MS = 1500;

// the value of the playlist choice that creates one
const NEW_PLAYLIST = 'new';

/** Fills `#topbar-extras` of the player page; `controller` is the page's PlayerController. */
export async function attachPlayerExtras(controller, sessionId, container = document.getElementById('topbar-extras')) {
  if (!container || !sessionId) {
    return;
  }
  const playlistId = new URLSearchParams(window.location.search).get('playlist');
  const back = h('a', { class: 'topbar-link', href: '/sessions', 'data-testid': 'back-link' }, '← Sessions');
  const navigation = h('div', { class: 'playlist-nav', 'data-testid': 'playlist-nav', hidden: true });
  const adder = h('div', { class: 'playlist-adder' });
  const watchers = h('div', { class: 'topbar-watchers' });
  const user = h('div', { class: 'topbar-user' });
  replace(container, back, navigation, h('span', { class: 'topbar-spacer' }), watchers, adder, user);
  showWatchersOnceLoaded(controller, sessionId, watchers);

  let me;
  try {
    // the moment's request goes first (ADR 0038)
    await afterFirstMoment(controller);
    me = await currentUser();
  } catch (error) {
    return; // a 401 is on its way to the sign-in page; the player shows other failures
  }
  replace(user, userBadge(me));
  if (canEditPlaylists(me) && controller.state !== PlayerState.ERROR) {
    replace(adder, addToPlaylist(me, sessionId));
    // a session that cannot be played (not found) is not offered for a playlist
    controller.addEventListener('statechange', () => {
      if (controller.state === PlayerState.ERROR) {
        adder.replaceChildren();
      }
    });
  }
  if (playlistId) {
    showPlaylist(controller, sessionId, playlistId, back, navigation).catch(() => {
      navigation.hidden = true;
    });
  } else {
    showList(sessionId, back, navigation);
  }
}

// Opened from the session list: back to that list (with its filters), and its neighbours.
function showList(sessionId, back, navigation) {
  const list = openedList();
  const index = list ? list.ids.indexOf(sessionId) : -1;
  if (index < 0) {
    return;
  }
  back.href = list.href;
  const href = (id) => `/replays/${encodeURIComponent(id)}`;
  replace(
    navigation,
    link(index > 0 ? href(list.ids[index - 1]) : null, '‹ Previous', 'previous-session', 'Previous session in the list'),
    h('span', { class: 'playlist-position', 'data-testid': 'playlist-position' }, `${index + 1} of ${list.ids.length}${list.more ? '+' : ''}`),
    link(index + 1 < list.ids.length ? href(list.ids[index + 1]) : null, 'Next ›', 'next-session', 'Next session in the list'),
  );
  navigation.hidden = false;
}

// The watched count and who watched, read once this viewing has been recorded (after the first
// window of events has arrived), so it includes the viewer.
function showWatchersOnceLoaded(controller, sessionId, container) {
  const show = async () => {
    controller.removeEventListener('statechange', show);
    if (controller.state === PlayerState.ERROR) {
      return;
    }
    try {
      const answer = await api(`/api/v1/sessions/${encodeURIComponent(sessionId)}/watchers`, { query: { size: 50 } });
      replace(container, watchersMenu(answer));
    } catch (error) {
      // the player works without it
    }
  };
  controller.addEventListener('statechange', show);
}

function watchersMenu({ watchedCount, watchers }) {
  const people = watchers.length;
  const summary = h(
    'summary',
    { class: 'button button-small button-on-dark', 'data-testid': 'watch-count', 'aria-label': `Watched ${watchedCount} ${watchedCount === 1 ? 'time' : 'times'} by ${people} ${people === 1 ? 'person' : 'people'}: show who` },
    `Watched ${watchedCount}×`,
  );
  return h(
    'details',
    { class: 'watchers', 'data-testid': 'watchers' },
    summary,
    h(
      'div',
      { class: 'watchers-pop' },
      h('p', { class: 'watchers-title' }, `Watched ${watchedCount} ${watchedCount === 1 ? 'time' : 'times'} by ${people} ${people === 1 ? 'person' : 'people'}`),
      h(
        'ul',
        { class: 'watchers-list', 'data-testid': 'watchers-list' },
        watchers.map((watcher) =>
          h(
            'li',
            { 'data-testid': 'watcher', 'data-username': watcher.username },
            h('span', { class: 'watcher-name' }, watcher.username),
            h('span', { class: 'watcher-meta' }, `${watcher.timesWatched}× · last ${formatInstant(watcher.lastWatchedAt)}`),
          ),
        ),
      ),
    ),
  );
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
    const ended = previousState === PlayerState.PLAYING && controller.state === PlayerState.PAUSED && controller.currentTime >= controller.duration - END_TOLERANCE_MS;
    previousState = controller.state;
    if (ended) {
      announce.textContent = 'Playing the next session of the playlist…';
      setTimeout(() => {
        if (controller.state === PlayerState.PAUSED && controller.currentTime >= controller.duration - END_TOLERANCE_MS) {
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

// "Add to playlist": one of the user's playlists, or a new one named here ("New playlist…"),
// created and added to without leaving the player.
function addToPlaylist(me, sessionId) {
  const create = h('option', { value: NEW_PLAYLIST, 'data-testid': 'new-playlist-option' }, 'New playlist…');
  const select = h('select', { 'aria-label': 'Playlist', 'data-testid': 'playlist-select' }, h('option', { value: '' }, 'Choose a playlist…'), create);
  const name = h('input', { type: 'text', maxlength: '200', placeholder: 'Name of the new playlist', 'aria-label': 'Name of the new playlist', 'data-testid': 'new-playlist-name', hidden: true });
  const status = h('span', { class: 'adder-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'add-to-playlist-status' });
  const submit = h('button', { type: 'submit', class: 'button button-small', 'data-testid': 'add-to-playlist-submit' }, 'Add');
  const form = h('form', { class: 'adder-form', hidden: true, 'aria-label': 'Add to playlist' }, select, name, submit);
  const toggle = h(
    'button',
    { type: 'button', class: 'button button-small button-on-dark', 'aria-expanded': 'false', 'data-testid': 'add-to-playlist' },
    '+ Add to playlist',
  );
  const naming = () => select.value === NEW_PLAYLIST;
  select.addEventListener('change', () => {
    name.hidden = !naming();
    name.required = naming();
    submit.textContent = naming() ? 'Create and add' : 'Add';
    if (naming()) {
      name.focus();
    }
  });
  let loaded = false;
  toggle.addEventListener('click', async () => {
    const open = form.hidden;
    form.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open && !loaded) {
      loaded = true;
      try {
        const page = await api('/api/v1/playlists', { query: { mine: !isAdmin(me), size: 200 } });
        create.before(...page.items.map((playlist) => h('option', { value: playlist.id }, playlist.name)));
        if (page.items.length === 0) {
          status.textContent = 'You have no playlists yet: choose “New playlist…”.';
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
    let playlistId = select.value;
    let playlistName = select.selectedOptions[0].textContent;
    if (naming()) {
      const wanted = name.value.trim();
      if (!wanted) {
        status.textContent = 'Name the new playlist first.';
        name.focus();
        return;
      }
      try {
        const created = await api('/api/v1/playlists', { method: 'POST', body: { name: wanted } });
        playlistId = created.id;
        playlistName = created.name;
      } catch (error) {
        status.textContent = describeError(error);
        return;
      }
      const option = h('option', { value: playlistId }, playlistName);
      create.before(option);
      select.value = playlistId;
      name.value = '';
      select.dispatchEvent(new Event('change'));
    }
    try {
      await api(`/api/v1/playlists/${encodeURIComponent(playlistId)}/items`, { method: 'POST', body: { sessionId } });
      status.textContent = `Added to ${playlistName}.`;
    } catch (error) {
      status.textContent = error.status === 409 ? `Already in ${playlistName}.` : describeError(error);
    }
  });
  return h('div', { class: 'adder' }, toggle, form, status);
}
