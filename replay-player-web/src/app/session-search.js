// What the session search API offers: the filters of the session list are described here with
// the query parameters they may map to, and the page shows those the server's OpenAPI
// description lists for GET /api/v1/sessions (skipping the others).

import { api } from './api.js';

/** The parameters this page knows the API to take, for when the description cannot be read. */
const KNOWN_PARAMETERS = ['applicationId', 'watchedByMe', 'notWatched', 'cursor', 'limit'];

export const FILTERS = [
  { key: 'applicationId', label: 'Application', kind: 'application', params: ['applicationId'] },
  { key: 'from', label: 'Started after', kind: 'datetime', params: ['from', 'startedAfter', 'since'] },
  { key: 'to', label: 'Started before', kind: 'datetime', params: ['to', 'startedBefore', 'until'] },
  { key: 'minDuration', label: 'At least (seconds)', kind: 'seconds', params: ['minDurationMs', 'minDuration'] },
  { key: 'maxDuration', label: 'At most (seconds)', kind: 'seconds', params: ['maxDurationMs', 'maxDuration'] },
  {
    key: 'source',
    label: 'Source',
    kind: 'select',
    options: [
      ['', 'Any'],
      ['browser', 'Browser'],
      ['mobile', 'Mobile'],
    ],
    params: ['source'],
  },
  { key: 'url', label: 'URL or screen contains', kind: 'text', params: ['url', 'urlContains', 'view', 'q'] },
  { key: 'user', label: 'User', kind: 'text', params: ['user', 'userId', 'userContains'] },
  { key: 'hasErrors', label: 'Has errors', kind: 'checkbox', params: ['hasErrors'] },
  { key: 'hasRageClicks', label: 'Has rage clicks', kind: 'checkbox', params: ['hasRageClicks'] },
  { key: 'error', label: 'Error message contains', kind: 'text', params: ['error'] },
  { key: 'action', label: 'Action contains', kind: 'text', params: ['action'] },
  {
    key: 'watched',
    label: 'Watched',
    kind: 'select',
    options: [
      ['', 'Any'],
      ['me', 'Watched by me'],
      ['not-me', 'Not watched by me'],
      ['nobody', 'Not watched by anyone'],
    ],
    params: ['watchedByMe'],
  },
];

/** The filters the server supports, each with the parameter it takes. */
export async function supportedFilters() {
  const parameters = new Set(await sessionSearchParameters());
  return FILTERS.map((filter) => ({ ...filter, param: filter.params.find((name) => parameters.has(name)) })).filter(
    (filter) => filter.param,
  );
}

/** The filters the server does not offer, for a note under the form. */
export async function unsupportedFilters() {
  const supported = new Set((await supportedFilters()).map((filter) => filter.key));
  return FILTERS.filter((filter) => !supported.has(filter.key));
}

let parameters = null;

function sessionSearchParameters() {
  parameters ??= api('/v3/api-docs', { redirectOn401: true })
    .then((spec) => {
      const list = spec?.paths?.['/api/v1/sessions']?.get?.parameters;
      return Array.isArray(list) ? list.map((parameter) => parameter.name) : KNOWN_PARAMETERS;
    })
    .catch(() => KNOWN_PARAMETERS);
  return parameters;
}

/** Turns the page's filter values (from its address) into the API's query parameters. */
export function toQuery(filters, values) {
  const query = {};
  for (const filter of filters) {
    const value = values.get(filter.key);
    if (value === null || value === '') {
      continue;
    }
    switch (filter.key) {
      case 'watched':
        if (value === 'me') query.watchedByMe = true;
        if (value === 'not-me') query.watchedByMe = false;
        if (value === 'nobody') query.notWatched = true;
        break;
      default:
        if (filter.kind === 'seconds') {
          const seconds = Number(value);
          if (Number.isFinite(seconds) && seconds >= 0) {
            query[filter.param] = filter.param.endsWith('Ms') ? Math.round(seconds * 1000) : seconds;
          }
        } else if (filter.kind === 'checkbox') {
          if (value === 'true') query[filter.param] = true;
        } else {
          query[filter.param] = value;
        }
    }
  }
  return query;
}
