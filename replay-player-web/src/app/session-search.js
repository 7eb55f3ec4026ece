// The session list's filters and order. They live in the page's address under the names of the
// query parameters of GET /api/v1/sessions, so a filtered list can be shared and the back button
// works; the one exception is `range`, a quick time range (last 24 h, 7 days, 30 days) that is
// turned into `from` when the list is loaded, so that a shared "last 24 hours" stays recent.

/** Quick time ranges, by their value of `range`. */
export const QUICK_RANGES = Object.freeze({
  '24h': { label: 'Last 24 hours', ms: 24 * 3600_000 },
  '7d': { label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  '30d': { label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
});

/** The orders the API offers (`sort`); the first is its default, newest first. */
export const SORTS = Object.freeze({
  start: 'Start',
  duration: 'Duration',
  activity: 'Activity',
});

export const SOURCES = Object.freeze({ browser: 'Browser', android: 'Android', ios: 'iOS' });

/** Free-text filters: each matches sessions whose field contains the text. */
export const TEXT_FILTERS = Object.freeze([
  { key: 'url', label: 'URL or screen contains', placeholder: '/checkout' },
  { key: 'user', label: 'User (id, name or email)', placeholder: 'ada@example.com' },
  { key: 'error', label: 'Error message contains', placeholder: 'TypeError' },
  { key: 'action', label: 'Action name contains', placeholder: 'Add to cart' },
]);

export const FLAG_FILTERS = Object.freeze([
  { key: 'hasErrors', label: 'Has errors' },
  { key: 'hasRageClicks', label: 'Has rage clicks' },
]);

/** The "Watched" choice and the parameters each sends. */
export const WATCHED = Object.freeze({
  '': { label: 'Any', params: {} },
  me: { label: 'Watched by me', params: { watchedByMe: 'true' } },
  'not-me': { label: 'Not watched by me', params: { watchedByMe: 'false' } },
  nobody: { label: 'Not watched by anyone', params: { notWatched: 'true' } },
});

/** Reads the filters from a page address's parameters, ignoring values that do not parse. */
export function readFilters(params) {
  const text = (key) => (params.get(key) ?? '').trim();
  const instant = (key) => (isInstant(text(key)) ? new Date(text(key)).toISOString() : '');
  const millis = (key) => (/^\d+$/.test(text(key)) ? text(key) : '');
  const range = text('range');
  const filters = {
    applicationId: text('applicationId'),
    range: QUICK_RANGES[range] ? range : (instant('from') || instant('to') ? 'custom' : ''),
    from: instant('from'),
    to: instant('to'),
    minDurationMs: millis('minDurationMs'),
    maxDurationMs: millis('maxDurationMs'),
    source: SOURCES[text('source')] ? text('source') : '',
    watched: params.get('notWatched') === 'true' ? 'nobody' : params.get('watchedByMe') === 'true' ? 'me' : params.get('watchedByMe') === 'false' ? 'not-me' : '',
    sort: SORTS[text('sort')] ? text('sort') : 'start',
  };
  for (const { key } of TEXT_FILTERS) {
    filters[key] = text(key);
  }
  for (const { key } of FLAG_FILTERS) {
    filters[key] = params.get(key) === 'true';
  }
  return filters;
}

/** The page address's parameters for some filters (the reverse of readFilters). */
export function filtersToParams(filters) {
  const params = new URLSearchParams();
  const put = (key, value) => {
    if (value !== undefined && value !== null && value !== '' && value !== false) {
      params.set(key, String(value));
    }
  };
  put('applicationId', filters.applicationId);
  if (QUICK_RANGES[filters.range]) {
    put('range', filters.range);
  } else if (filters.range === 'custom') {
    put('from', filters.from);
    put('to', filters.to);
  }
  put('minDurationMs', filters.minDurationMs);
  put('maxDurationMs', filters.maxDurationMs);
  put('source', filters.source);
  for (const { key } of TEXT_FILTERS) {
    put(key, filters[key]);
  }
  for (const { key } of FLAG_FILTERS) {
    put(key, filters[key] ? 'true' : '');
  }
  for (const [key, value] of Object.entries(WATCHED[filters.watched]?.params ?? {})) {
    put(key, value);
  }
  if (filters.sort !== 'start') {
    put('sort', filters.sort);
  }
  return params;
}

/** The query of GET /api/v1/sessions for some filters; `now` (epoch ms) anchors quick ranges. */
export function toApiQuery(filters, now = Date.now()) {
  const query = Object.fromEntries(filtersToParams(filters));
  delete query.range;
  if (QUICK_RANGES[filters.range]) {
    query.from = new Date(now - QUICK_RANGES[filters.range].ms).toISOString();
  }
  return query;
}

/** Whether any filter narrows the list (the order does not). */
export function isFiltered(filters) {
  const params = filtersToParams(filters);
  params.delete('sort');
  return params.size > 0;
}

function isInstant(value) {
  return value !== '' && !Number.isNaN(new Date(value).getTime());
}
