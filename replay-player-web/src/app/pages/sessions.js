// The session list (/ and /sessions): filters from the address, sortable columns, cursor paging,
// a "watched" mark, thumbnails, and how to send recordings when there are none yet.

import { api } from '../api.js';
import { h, replace, field, describeError } from '../dom.js';
import { formatDuration, formatInstant, instantToLocalInput, localInputToInstant, shortId } from '../format.js';
import { isAdmin } from '../me.js';
import { supportedFilters, toQuery, unsupportedFilters } from '../session-search.js';
import { snippet, recorderSnippet, datadogBrowserSnippet } from '../snippets.js';
import { thumbnailFor } from '../thumbnail.js';

const PAGE_SIZE = 25;

const COLUMNS = [
  { key: 'startedAt', label: 'Start', value: (s) => s.startedAt },
  { key: 'durationMs', label: 'Duration', value: (s) => s.durationMs },
  { key: 'user', label: 'User', value: (s) => s.userId ?? s.userName ?? '' },
  { key: 'firstUrl', label: 'First URL or screen', value: (s) => s.firstUrl ?? s.firstView ?? '' },
  { key: 'source', label: 'Source', value: (s) => s.source ?? '' },
  { key: 'errors', label: 'Errors', value: (s) => s.errorCount ?? s.errors, optional: true },
  { key: 'rageClicks', label: 'Rage clicks', value: (s) => s.rageClickCount ?? s.rageClicks, optional: true },
];

export async function render(main, { user }) {
  document.title = 'Sessions · Replay';
  const values = new URLSearchParams(window.location.search);
  const [filters, missing, applications, watched] = await Promise.all([
    supportedFilters(),
    unsupportedFilters(),
    isAdmin(user) ? api('/api/v1/applications').catch(() => null) : Promise.resolve(null),
    watchedByMe(),
  ]);
  const state = {
    rows: [],
    cursor: null,
    sort: { key: values.get('sort') || 'startedAt', descending: values.get('order') !== 'asc' },
    query: toQuery(filters, values),
    watched,
    applications: new Map((applications ?? []).map((application) => [application.id, application.name])),
  };

  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'sessions-status' });
  const table = h('div', { class: 'table-wrap' });
  const more = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'load-more' }, 'Load more');
  const filtered = [...values.keys()].some((key) => filters.some((filter) => filter.key === key) && values.get(key));

  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Sessions')),
    filterForm(filters, missing, values, applications),
    status,
    table,
    h('div', { class: 'list-foot' }, more),
  );

  more.addEventListener('click', () => load());
  await load();

  async function load() {
    more.disabled = true;
    status.textContent = 'Loading sessions…';
    try {
      const page = await api('/api/v1/sessions', {
        query: { ...state.query, cursor: state.cursor, limit: PAGE_SIZE },
      });
      state.rows.push(...page.items);
      state.cursor = page.nextCursor;
      more.hidden = !state.cursor;
      more.disabled = false;
      status.textContent = `${state.rows.length} session${state.rows.length === 1 ? '' : 's'}${state.cursor ? ' so far' : ''}`;
      draw();
    } catch (error) {
      status.textContent = describeError(error);
      status.classList.add('is-error');
      more.disabled = false;
    }
  }

  function draw() {
    if (state.rows.length === 0) {
      replace(table, filtered ? noMatches() : emptyState(user));
      return;
    }
    const columns = COLUMNS.filter((column) => !column.optional || state.rows.some((row) => column.value(row) !== undefined));
    const rows = sorted(state.rows, columns.find((column) => column.key === state.sort.key) ?? columns[0], state.sort.descending);
    replace(
      table,
      h(
        'table',
        { class: 'table', 'data-testid': 'sessions-table' },
        h('caption', { class: 'visually-hidden' }, 'Recorded sessions. Sorting applies to the sessions loaded so far.'),
        h(
          'thead',
          {},
          h('tr', {}, h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Preview')), columns.map(header), h('th', { scope: 'col' }, 'Watched')),
        ),
        h('tbody', {}, rows.map((row) => sessionRow(row, columns))),
      ),
    );
  }

  function header(column) {
    const active = state.sort.key === column.key;
    const sort = active ? (state.sort.descending ? 'descending' : 'ascending') : 'none';
    return h(
      'th',
      { scope: 'col', 'aria-sort': sort },
      h(
        'button',
        {
          type: 'button',
          class: 'sort-button',
          'data-testid': `sort-${column.key}`,
          onclick: () => {
            state.sort = { key: column.key, descending: active ? !state.sort.descending : column.key === 'startedAt' || column.key === 'durationMs' };
            const address = new URL(window.location.href);
            address.searchParams.set('sort', state.sort.key);
            address.searchParams.set('order', state.sort.descending ? 'desc' : 'asc');
            window.history.replaceState(null, '', address);
            draw();
            table.querySelector(`[data-testid=sort-${column.key}]`)?.focus();
          },
        },
        column.label,
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.sort.descending ? '▼' : '▲') : ''),
      ),
    );
  }

  function sessionRow(session, columns) {
    const href = `/replays/${encodeURIComponent(session.id)}`;
    const watched = state.watched.has(session.id) || state.query.watchedByMe === true;
    const appName = state.applications.get(session.applicationId);
    const cells = {
      startedAt: h(
        'td',
        {},
        h('a', { href, class: 'row-link', 'data-testid': 'session-link' }, formatInstant(session.startedAt)),
        h('div', { class: 'muted small', title: session.id }, appName ? `${appName} · ` : '', shortId(session.id)),
      ),
      durationMs: h('td', { class: 'numeric' }, formatDuration(session.durationMs)),
      user: h('td', {}, session.userId ?? h('span', { class: 'muted' }, 'anonymous')),
      firstUrl: h('td', { class: 'url-cell', title: session.firstUrl ?? '' }, session.firstUrl ?? '—'),
      source: h('td', {}, h('span', { class: `source-tag source-${session.source}` }, session.source ?? '—')),
      errors: h('td', { class: 'numeric' }, count(session.errorCount ?? session.errors, 'error')),
      rageClicks: h('td', { class: 'numeric' }, count(session.rageClickCount ?? session.rageClicks, 'rage')),
    };
    return h(
      'tr',
      { 'data-testid': 'session-row', 'data-session-id': session.id },
      h('td', { class: 'thumb-cell' }, h('a', { href, tabindex: '-1', 'aria-hidden': 'true' }, thumbnailFor(session.id))),
      columns.map((column) => cells[column.key]),
      h(
        'td',
        {},
        watched ? h('span', { class: 'watched-mark', 'data-testid': 'watched-mark', title: 'You watched this session' }, '✓ Watched') : h('span', { class: 'visually-hidden' }, 'Not watched'),
      ),
    );
  }
}

function count(value, kind) {
  if (value === undefined || value === null) {
    return '—';
  }
  return value > 0 ? h('span', { class: `count-badge count-${kind}` }, String(value)) : '0';
}

function sorted(rows, column, descending) {
  const direction = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === y) return 0;
    if (x === undefined || x === null || x === '') return 1;
    if (y === undefined || y === null || y === '') return -1;
    return (x < y ? -1 : 1) * direction;
  });
}

async function watchedByMe() {
  try {
    const history = await api('/api/v1/me/history', { query: { size: 200 } });
    return new Set(history.items.map((item) => item.sessionId));
  } catch (error) {
    return new Set();
  }
}

function filterForm(filters, missing, values, applications) {
  const controls = filters.map((filter) => control(filter, values.get(filter.key) ?? '', applications));
  const form = h(
    'form',
    { class: 'panel filters', role: 'search', 'aria-label': 'Filter sessions', 'data-testid': 'session-filters' },
    h('div', { class: 'filter-grid' }, controls),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'apply-filters' }, 'Apply filters'),
      h('a', { class: 'button button-quiet', href: '/sessions' }, 'Clear'),
      missing.length > 0
        ? h('span', { class: 'muted small', 'data-testid': 'filters-unavailable' }, `Not offered by this server: ${missing.map((filter) => filter.label.toLowerCase()).join(', ')}.`)
        : null,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address = new URL('/sessions', window.location.origin);
    const data = new FormData(form);
    for (const filter of filters) {
      let value = data.get(filter.key);
      if (filter.kind === 'datetime') value = localInputToInstant(value);
      if (filter.kind === 'checkbox') value = value ? 'true' : '';
      if (value) address.searchParams.set(filter.key, value);
    }
    window.location.assign(address);
  });
  return form;
}

function control(filter, value, applications) {
  const name = filter.key;
  const testId = `filter-${filter.key}`;
  switch (filter.kind) {
    case 'application':
      if (applications) {
        return field(
          filter.label,
          h(
            'select',
            { name, 'data-testid': testId },
            h('option', { value: '' }, 'All applications'),
            applications.map((application) => h('option', { value: application.id, selected: application.id === value }, application.name)),
          ),
        );
      }
      return field(filter.label, h('input', { name, type: 'text', value, placeholder: 'Application id', 'data-testid': testId, spellcheck: 'false' }));
    case 'select':
      return field(
        filter.label,
        h(
          'select',
          { name, 'data-testid': testId },
          filter.options.map(([optionValue, label]) => h('option', { value: optionValue, selected: optionValue === value }, label)),
        ),
      );
    case 'checkbox':
      return h(
        'div',
        { class: 'field field-check' },
        h('label', {}, h('input', { type: 'checkbox', name, value: 'true', checked: value === 'true', 'data-testid': testId }), ' ', filter.label),
      );
    case 'datetime':
      return field(filter.label, h('input', { name, type: 'datetime-local', value: instantToLocalInput(value), 'data-testid': testId }));
    case 'seconds':
      return field(filter.label, h('input', { name, type: 'number', min: '0', step: '1', value, 'data-testid': testId }));
    default:
      return field(filter.label, h('input', { name, type: 'search', value, 'data-testid': testId }));
  }
}

function noMatches() {
  return h(
    'div',
    { class: 'panel empty', 'data-testid': 'no-matches' },
    h('h2', {}, 'No sessions match these filters'),
    h('p', {}, 'Loosen a filter, or ', h('a', { href: '/sessions' }, 'clear them all'), '.'),
  );
}

function emptyState(user) {
  const appId = '<application id>';
  const token = '<client token>';
  return h(
    'div',
    { class: 'panel empty', 'data-testid': 'empty-state' },
    h('h2', {}, 'No recordings yet'),
    h(
      'p',
      {},
      'Sessions appear here a few seconds after a recorder sends them. Add our recorder script to the pages you want to record, or point a Datadog SDK at this server. ',
      isAdmin(user)
        ? h('span', {}, 'Create an application and copy its ready-made snippets under ', h('a', { href: '/admin/applications' }, 'Admin → Applications'), '.')
        : 'An admin can give you an application id and a client token.',
    ),
    snippet('Recorder script — paste before </body>', recorderSnippet(appId, token), 'empty-snippet-recorder'),
    snippet('Datadog Browser SDK — send replays here with the proxy setting', datadogBrowserSnippet(appId, token), 'empty-snippet-datadog'),
  );
}
