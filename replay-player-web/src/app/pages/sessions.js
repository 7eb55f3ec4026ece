// The session list (/ and /sessions): filters and order in the address (see session-search.js),
// cursor paging, a "watched" mark, thumbnails, and how to send recordings when there are none yet.

import { api } from '../api.js';
import { h, replace, field, describeError } from '../dom.js';
import { figuresPending } from '../../player/site-user.js';
import { formatDuration, formatInstant, instantToLocalInput, localInputToInstant, shortId } from '../format.js';
import { isAdmin } from '../me.js';
import { rememberList } from '../session-list-context.js';
import {
  FLAG_FILTERS,
  QUICK_RANGES,
  SORTS,
  SOURCES,
  TEXT_FILTERS,
  WATCHED,
  filtersToParams,
  isFiltered,
  readFilters,
  toApiQuery,
} from '../session-search.js';
import { snippet, recorderSnippet, datadogBrowserSnippet } from '../snippets.js';
import { liveMark, siteUserLink } from '../site-user-view.js';
import { thumbnailFor } from '../thumbnail.js';

const PAGE_SIZE = 25;

export async function render(main, { user }) {
  document.title = 'Sessions · Replay';
  const filters = readFilters(new URLSearchParams(window.location.search));
  const [applications, watched] = await Promise.all([
    isAdmin(user) ? api('/api/v1/applications').catch(() => null) : Promise.resolve(null),
    watchedByMe(),
  ]);
  const state = {
    rows: [],
    cursor: null,
    query: toApiQuery(filters),
    watched,
    applications: new Map((applications ?? []).map((application) => [application.id, application.name])),
  };

  const status = h('p', { class: 'list-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'sessions-status' });
  const table = h('div', { class: 'table-wrap' });
  const more = h('button', { type: 'button', class: 'button', hidden: true, 'data-testid': 'load-more' }, 'Load more');

  replace(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Sessions')),
    filterForm(filters, applications),
    status,
    table,
    h('div', { class: 'list-foot' }, more),
  );

  more.addEventListener('click', () => load());
  await load();

  async function load() {
    more.disabled = true;
    status.textContent = 'Loading sessions…';
    status.classList.remove('is-error');
    try {
      const page = await api('/api/v1/sessions', { query: { ...state.query, cursor: state.cursor, limit: PAGE_SIZE } });
      state.rows.push(...page.items);
      state.cursor = page.nextCursor;
      more.hidden = !state.cursor;
      more.disabled = false;
      status.textContent = `${state.rows.length} session${state.rows.length === 1 ? '' : 's'}${state.cursor ? ' so far' : ''}`;
      rememberList(window.location.pathname + window.location.search, state.rows.map((row) => row.id), Boolean(state.cursor));
      draw();
    } catch (error) {
      status.textContent = describeError(error);
      status.classList.add('is-error');
      more.disabled = false;
    }
  }

  function draw() {
    if (state.rows.length === 0) {
      replace(table, isFiltered(filters) ? noMatches() : emptyState(user));
      return;
    }
    replace(
      table,
      h(
        'table',
        { class: 'table sessions-table', 'data-testid': 'sessions-table' },
        h('caption', { class: 'visually-hidden' }, `Recorded sessions, by ${SORTS[filters.sort].toLowerCase()}. The Start, Duration and Activity headers change the order.`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Preview')),
            sortHeader('start', 'Start'),
            sortHeader('duration', 'Duration', 'numeric'),
            sortHeader('activity', 'Activity', 'numeric'),
            ['User', 'First URL or screen'].map((label) => h('th', { scope: 'col' }, label)),
            h('th', { scope: 'col', class: 'numeric' }, 'Errors'),
            h('th', { scope: 'col', class: 'numeric' }, 'Rage'),
            h('th', { scope: 'col' }, 'Watched'),
          ),
        ),
        h('tbody', {}, state.rows.map((row) => sessionRow(row))),
      ),
    );
  }

  // The API orders by one key, the largest first (the newest for `start`); a header is a link to
  // the same list in its order.
  function sortHeader(key, label, className) {
    const active = filters.sort === key;
    const href = `/sessions?${filtersToParams({ ...filters, sort: key })}`.replace(/\?$/, '');
    return h(
      'th',
      { scope: 'col', class: className, 'aria-sort': active ? 'descending' : null },
      h(
        'a',
        {
          class: 'sort-button',
          href,
          'data-testid': `sort-${key}`,
          'aria-label': active ? `${label}, ordered largest first` : `Order by ${label.toLowerCase()}`,
        },
        label,
        h('span', { class: active ? 'sort-mark' : 'sort-mark is-idle', 'aria-hidden': 'true' }, active ? '▼' : '↕'),
      ),
    );
  }

  function sessionRow(session) {
    const href = `/replays/${encodeURIComponent(session.id)}`;
    const watched = state.watched.has(session.id) || filters.watched === 'me';
    const appName = state.applications.get(session.applicationId);
    const figures = session.timeline;
    const pending = figuresPending(session);
    return h(
      'tr',
      { 'data-testid': 'session-row', 'data-session-id': session.id, 'data-live': session.live ? 'true' : null },
      h('td', { class: 'thumb-cell' }, h('a', { href, tabindex: '-1', 'aria-hidden': 'true' }, thumbnailFor(session.id))),
      h(
        'td',
        {},
        h('a', { href, class: 'row-link', 'data-testid': 'session-link' }, formatInstant(session.startedAt)),
        session.live ? [' ', liveMark()] : null,
        h(
          'div',
          { class: 'muted small', title: session.id },
          h('span', { class: `source-tag source-${session.source}`, 'data-testid': 'session-source' }, session.source ?? '—'),
          ' ',
          appName ? `${appName} · ` : '',
          shortId(session.id),
        ),
      ),
      h('td', { class: 'numeric', 'data-testid': 'session-duration' }, formatDuration(session.durationMs)),
      h('td', { class: 'numeric', title: 'Time with clicks, inputs or page changes' }, figures ? formatDuration(figures.activeDurationMs) : '—'),
      h('td', { class: 'user-cell' }, siteUserLink(session)),
      h('td', { class: 'url-cell', title: session.firstUrl ?? '' }, session.firstUrl ?? '—'),
      h('td', { class: 'numeric', 'data-testid': 'session-errors' }, pending ? notProcessed() : count(figures.errors, 'error')),
      h('td', { class: 'numeric', 'data-testid': 'session-rage' }, pending ? notProcessed() : count(figures.rageClicks, 'rage')),
      h(
        'td',
        {},
        watched ? h('span', { class: 'watched-mark', 'data-testid': 'watched-mark', title: 'You watched this session' }, '✓ Watched') : h('span', { class: 'visually-hidden' }, 'Not watched'),
      ),
    );
  }
}

function notProcessed() {
  return h('span', { class: 'muted', title: 'Not processed yet' }, '—');
}

function count(value, kind) {
  if (value === undefined || value === null) {
    return '—';
  }
  return value > 0 ? h('span', { class: `count-badge count-${kind}` }, String(value)) : '0';
}

async function watchedByMe() {
  try {
    const history = await api('/api/v1/me/history', { query: { size: 200 } });
    return new Set(history.items.map((item) => item.sessionId));
  } catch (error) {
    return new Set();
  }
}

function filterForm(filters, applications) {
  const from = h('input', { name: 'from', type: 'datetime-local', value: instantToLocalInput(filters.from), 'data-testid': 'filter-from' });
  const to = h('input', { name: 'to', type: 'datetime-local', value: instantToLocalInput(filters.to), 'data-testid': 'filter-to' });
  const custom = h('div', { class: 'filter-custom-range', hidden: filters.range !== 'custom' }, field('From', from), field('To', to));
  const range = select('range', 'filter-range', [['', 'Any time'], ...Object.entries(QUICK_RANGES).map(([value, { label }]) => [value, label]), ['custom', 'Custom range…']], filters.range);
  range.addEventListener('change', () => {
    custom.hidden = range.value !== 'custom';
  });
  const seconds = (value) => (value === '' ? '' : String(Number(value) / 1000));
  const form = h(
    'form',
    { class: 'panel filters', role: 'search', 'aria-label': 'Filter sessions', 'data-testid': 'session-filters' },
    h(
      'div',
      { class: 'filter-grid' },
      field('Time', range),
      custom,
      applicationControl(filters.applicationId, applications),
      field('Source', select('source', 'filter-source', [['', 'Any'], ...Object.entries(SOURCES)], filters.source)),
      h(
        'div',
        { class: 'field filter-duration' },
        h('span', { class: 'field-label', id: 'duration-label' }, 'Duration (seconds)'),
        h(
          'div',
          { class: 'filter-pair', role: 'group', 'aria-labelledby': 'duration-label' },
          h('input', { name: 'minDuration', type: 'number', min: '0', step: '1', value: seconds(filters.minDurationMs), placeholder: 'min', 'aria-label': 'At least (seconds)', 'data-testid': 'filter-minDuration' }),
          h('span', { 'aria-hidden': 'true' }, '–'),
          h('input', { name: 'maxDuration', type: 'number', min: '0', step: '1', value: seconds(filters.maxDurationMs), placeholder: 'max', 'aria-label': 'At most (seconds)', 'data-testid': 'filter-maxDuration' }),
        ),
      ),
      TEXT_FILTERS.map(({ key, label, placeholder }) =>
        field(label, h('input', { name: key, type: 'search', value: filters[key], placeholder, spellcheck: 'false', 'data-testid': `filter-${key}` })),
      ),
      field('Watched', select('watched', 'filter-watched', Object.entries(WATCHED).map(([value, { label }]) => [value, label]), filters.watched)),
      h(
        'div',
        { class: 'field field-check filter-flags' },
        FLAG_FILTERS.map(({ key, label }) =>
          h('label', {}, h('input', { type: 'checkbox', name: key, value: 'true', checked: filters[key], 'data-testid': `filter-${key}` }), ' ', label),
        ),
      ),
    ),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary', 'data-testid': 'apply-filters' }, 'Apply filters'),
      h('a', { class: 'button button-quiet', href: filters.sort === 'start' ? '/sessions' : `/sessions?sort=${filters.sort}`, 'data-testid': 'clear-filters' }, 'Clear'),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const millis = (name) => {
      const value = String(data.get(name) ?? '').trim();
      return value !== '' && Number(value) >= 0 ? String(Math.round(Number(value) * 1000)) : '';
    };
    const chosen = {
      ...filters,
      applicationId: String(data.get('applicationId') ?? '').trim(),
      range: String(data.get('range') ?? ''),
      from: localInputToInstant(data.get('from')),
      to: localInputToInstant(data.get('to')),
      minDurationMs: millis('minDuration'),
      maxDurationMs: millis('maxDuration'),
      source: String(data.get('source') ?? ''),
      watched: String(data.get('watched') ?? ''),
    };
    for (const { key } of TEXT_FILTERS) {
      chosen[key] = String(data.get(key) ?? '').trim();
    }
    for (const { key } of FLAG_FILTERS) {
      chosen[key] = data.get(key) === 'true';
    }
    const params = filtersToParams(chosen);
    window.location.assign(params.size ? `/sessions?${params}` : '/sessions');
  });
  return form;
}

function applicationControl(value, applications) {
  if (applications) {
    return field(
      'Application',
      select('applicationId', 'filter-applicationId', [['', 'All applications'], ...applications.map((application) => [application.id, application.name])], value),
    );
  }
  return field('Application', h('input', { name: 'applicationId', type: 'text', value, placeholder: 'Application id', 'data-testid': 'filter-applicationId', spellcheck: 'false' }));
}

function select(name, testId, options, value) {
  return h(
    'select',
    { name, 'data-testid': testId },
    options.map(([optionValue, label]) => h('option', { value: optionValue, selected: optionValue === value }, label)),
  );
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
