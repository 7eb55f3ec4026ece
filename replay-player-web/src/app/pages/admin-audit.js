// Admin → Audit trail: every playback, playlist change, deletion, token or user change and
// failed sign-in, filtered by actor, action, target and time; newest first, cursor paging,
// export as NDJSON.

import { api } from '../api.js';
import { adminHead } from '../admin-nav.js';
import { h, replace, field, describeError } from '../dom.js';
import { formatInstant, instantToLocalInput, localInputToInstant } from '../format.js';
import { apiUrl } from '../../shared/http.js';

const PAGE_SIZE = 50;
const ACTIONS = [
  'session.played',
  'session.deleted',
  'session.watch-recorded',
  'session.watches-deleted',
  'playlist.created',
  'playlist.updated',
  'playlist.deleted',
  'playlist.items-added',
  'playlist.items-removed',
  'application.created',
  'client-token.created',
  'client-token.revoked',
  'api-token.created',
  'api-token.revoked',
  'user.created',
  'user.role-changed',
  'user.deleted',
  'sign-in.failed',
  'audit.exported',
];
const FILTERS = ['actor', 'action', 'targetType', 'targetId', 'from', 'to'];

export async function render(main) {
  const params = new URLSearchParams(window.location.search);
  const query = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const state = { rows: [], cursor: null };
  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite' });
  const body = h('tbody');
  const more = h('button', { type: 'button', class: 'button', hidden: true, onclick: () => load() }, 'Load more');
  const exportLink = h('a', { class: 'button button-quiet', href: apiUrl('/api/v1/audit-events/export', query).toString(), download: 'audit-events.ndjson' }, 'Export (NDJSON)');

  const form = h(
    'form',
    { class: 'panel filters', role: 'search', 'aria-label': 'Filter the audit trail', 'data-testid': 'audit-filters' },
    h(
      'div',
      { class: 'filter-grid' },
      field('Actor', h('input', { name: 'actor', value: query.actor, spellcheck: 'false' })),
      field('Action', h('input', { name: 'action', value: query.action, list: 'audit-actions', placeholder: 'e.g. session.played', spellcheck: 'false', 'data-testid': 'audit-action' })),
      field('Target type', h('input', { name: 'targetType', value: query.targetType, list: 'audit-targets', spellcheck: 'false' })),
      field('Target id', h('input', { name: 'targetId', value: query.targetId, spellcheck: 'false' })),
      field('From', h('input', { name: 'from', type: 'datetime-local', value: instantToLocalInput(query.from) })),
      field('To', h('input', { name: 'to', type: 'datetime-local', value: instantToLocalInput(query.to) })),
    ),
    h(
      'datalist',
      { id: 'audit-actions' },
      ACTIONS.map((value) => h('option', { value })),
    ),
    h('datalist', { id: 'audit-targets' }, ['session', 'playlist', 'application', 'client-token', 'user', 'audit-trail'].map((value) => h('option', { value }))),
    h('div', { class: 'filter-actions' }, h('button', { type: 'submit', class: 'button button-primary' }, 'Apply filters'), h('a', { class: 'button button-quiet', href: '/admin/audit' }, 'Clear'), exportLink),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const address = new URL('/admin/audit', window.location.origin);
    for (const name of FILTERS) {
      let value = String(data.get(name) ?? '').trim();
      if (name === 'from' || name === 'to') value = localInputToInstant(value);
      if (value) address.searchParams.set(name, value);
    }
    window.location.assign(address);
  });

  replace(
    main,
    adminHead('Audit trail', 'Append-only: the database refuses to change or delete its events.'),
    form,
    h(
      'section',
      { class: 'panel' },
      status,
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'table', 'data-testid': 'audit-table' },
          h('caption', { class: 'visually-hidden' }, 'Audit events, newest first'),
          h('thead', {}, h('tr', {}, ['Time', 'Actor', 'Action', 'Target', 'Details', 'Client address'].map((label) => h('th', { scope: 'col' }, label)))),
          body,
        ),
      ),
      h('div', { class: 'list-foot' }, more),
    ),
  );
  await load();

  async function load() {
    more.disabled = true;
    try {
      const page = await api('/api/v1/audit-events', { query: { ...query, cursor: state.cursor, limit: PAGE_SIZE } });
      state.rows.push(...page.items);
      state.cursor = page.nextCursor;
      body.append(...page.items.map(row));
      more.hidden = !state.cursor;
      status.textContent = state.rows.length === 0 ? 'No audit events match these filters.' : `${state.rows.length} event${state.rows.length === 1 ? '' : 's'}${state.cursor ? ' so far' : ''}`;
    } catch (error) {
      status.textContent = describeError(error);
      status.classList.add('is-error');
    } finally {
      more.disabled = false;
    }
  }
}

function row(event) {
  const details = event.details && typeof event.details === 'object' && Object.keys(event.details).length > 0
    ? Object.entries(event.details).map(([key, value]) => h('span', { class: 'detail-pair' }, h('span', { class: 'muted' }, `${key}: `), typeof value === 'object' ? JSON.stringify(value) : String(value)))
    : '—';
  return h(
    'tr',
    { 'data-testid': 'audit-row', 'data-action': event.action },
    h('td', {}, h('time', { datetime: event.occurredAt }, formatInstant(event.occurredAt))),
    h('td', {}, event.actor),
    h('td', {}, h('code', {}, event.action)),
    h('td', {}, event.targetType, event.targetId ? h('div', { class: 'muted small mono' }, event.targetType === 'session' ? h('a', { href: `/replays/${encodeURIComponent(event.targetId)}?autoplay=0` }, event.targetId) : event.targetId) : null),
    h('td', { class: 'details-cell' }, details),
    h('td', { class: 'mono small' }, event.clientAddress ?? '—'),
  );
}
