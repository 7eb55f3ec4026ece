// A user of the recorded sites (/people/{userId}): who they are, how many sessions they have with
// their errors and rage clicks, and all their sessions, newest first.

import { figuresPending } from '../../player/site-user.js';
import { api } from '../api.js';
import { h, replace, describeError } from '../dom.js';
import { formatDuration, formatInstant } from '../format.js';
import { rememberList } from '../session-list-context.js';
import { liveMark } from '../site-user-view.js';

const PAGE_SIZE = 50;

export async function render(main, { params: [userId] }) {
  const person = await api(`/api/v1/people/${encodeURIComponent(userId)}`);
  const name = person.name || person.email || person.userId;
  document.title = `${name} · People · Replay`;
  const state = { rows: [], cursor: null };
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'person-sessions-status' });
  const table = h('div', { class: 'table-wrap' });
  const more = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'load-more' }, 'Load more');

  replace(
    main,
    h('p', { class: 'breadcrumb' }, h('a', { href: `/sessions?user=${encodeURIComponent(person.userId)}` }, '← Sessions')),
    h(
      'div',
      { class: 'page-head' },
      h(
        'div',
        {},
        h('h1', { 'data-testid': 'person-name' }, name),
        h('p', { class: 'muted', 'data-testid': 'person-identity' }, [person.email && person.email !== name ? person.email : null, `id ${person.userId}`].filter(Boolean).join(' · ')),
      ),
    ),
    h(
      'dl',
      { class: 'panel person-figures', 'data-testid': 'person-figures' },
      figure('Sessions', String(person.sessionCount), 'person-session-count'),
      figure('Errors', String(person.errorCount), 'person-error-count'),
      figure('Rage clicks', String(person.rageClickCount), 'person-rage-count'),
      figure('First seen', formatInstant(person.firstSeenAt)),
      figure('Last seen', formatInstant(person.lastSeenAt)),
    ),
    h('section', { class: 'panel' }, h('h2', {}, 'Sessions'), status, table, h('div', { class: 'list-foot' }, more)),
  );
  more.addEventListener('click', () => load());
  await load();

  async function load() {
    more.disabled = true;
    status.textContent = 'Loading sessions…';
    try {
      const page = await api('/api/v1/sessions', { query: { userId: person.userId, cursor: state.cursor, limit: PAGE_SIZE } });
      state.rows.push(...page.items);
      state.cursor = page.nextCursor;
      more.hidden = !state.cursor;
      more.disabled = false;
      status.textContent = `${state.rows.length} session${state.rows.length === 1 ? '' : 's'}${state.cursor ? ' so far' : ''}`;
      rememberList(window.location.pathname, state.rows.map((row) => row.id), Boolean(state.cursor));
      replace(table, sessionsTable(state.rows));
    } catch (error) {
      status.textContent = describeError(error);
      status.classList.add('is-error');
      more.disabled = false;
    }
  }
}

function figure(label, value, testId) {
  return h('div', { class: 'person-figure' }, h('dt', {}, label), h('dd', { 'data-testid': testId }, value));
}

function sessionsTable(rows) {
  return h(
    'table',
    { class: 'table sessions-table', 'data-testid': 'person-sessions' },
    h('caption', { class: 'visually-hidden' }, 'Sessions of this user, newest first'),
    h('thead', {}, h('tr', {}, ['Start', 'Duration', 'First URL or screen', 'Errors', 'Rage'].map((label, index) => h('th', { scope: 'col', class: index === 1 || index > 2 ? 'numeric' : null }, label)))),
    h(
      'tbody',
      {},
      rows.map((session) => {
        const pending = figuresPending(session);
        const dash = () => h('span', { class: 'muted', title: 'Not processed yet' }, '—');
        return h(
          'tr',
          { 'data-testid': 'session-row', 'data-session-id': session.id, 'data-live': session.live ? 'true' : null },
          h('td', {}, h('a', { class: 'row-link', href: `/replays/${encodeURIComponent(session.id)}` }, formatInstant(session.startedAt)), session.live ? [' ', liveMark()] : null),
          h('td', { class: 'numeric' }, formatDuration(session.durationMs)),
          h('td', { class: 'url-cell', title: session.firstUrl ?? '' }, session.firstUrl ?? '—'),
          h('td', { class: 'numeric', 'data-testid': 'session-errors' }, pending ? dash() : String(session.timeline.errors)),
          h('td', { class: 'numeric', 'data-testid': 'session-rage' }, pending ? dash() : String(session.timeline.rageClicks)),
        );
      }),
    ),
  );
}
