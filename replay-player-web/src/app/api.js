// Client for the Replay HTTP API as seen from the web app: same origin, cookie session (or the
// HTTP Basic credentials a script's browser sends), CSRF token echoed on every change.

/** An API failure, carrying the RFC 9457 problem details the server sent (or our own summary). */
export class ApiError extends Error {
  constructor({ title, detail = '', status = 0 }) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ApiError';
    this.title = title;
    this.detail = detail;
    this.status = status;
  }
}

/**
 * Marks the app's own requests, so that a 401 comes without an HTTP Basic challenge (which
 * would make the browser ask for credentials) and the app can show its sign-in page instead.
 */
export const APP_REQUEST = Object.freeze({ 'X-Requested-With': 'XMLHttpRequest' });

/** The value of the XSRF-TOKEN cookie the server sets, or '' before it has set one. */
export function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Builds a same-origin URL from a path and the query parameters that have a value. */
export function apiUrl(path, query = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

/**
 * Calls the API and returns the parsed JSON body (null for 204). A 401 sends the browser to the
 * sign-in page unless `redirectOn401` is false; other failures throw an ApiError.
 */
export async function api(path, { method = 'GET', query, body, form, redirectOn401 = true, signal } = {}) {
  const headers = { Accept: 'application/json', ...APP_REQUEST };
  let payload;
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  } else if (form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    payload = new URLSearchParams(form);
  }
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal,
    });
  } catch (cause) {
    if (cause?.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({ title: 'Could not reach the server', detail: 'Check your connection and try again.' });
  }
  if (response.status === 401 && redirectOn401) {
    goToSignIn();
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** Sends the browser to the sign-in page, which comes back here afterwards. */
export function goToSignIn() {
  const here = window.location.pathname + window.location.search;
  window.location.assign(here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`);
}

/**
 * Where to go after signing in: `value` resolved against this page's origin as a browser would
 * (which drops tabs and newlines and reads `\\` as `/`), kept as a path (with its query and
 * fragment) only when it stays on this origin; anything else (another host, `javascript:`, a value
 * that does not parse, a path that a browser would read as a host) goes to `/`.
 */
export function safeNext(value) {
  if (typeof value !== 'string' || value === '') {
    return '/';
  }
  let url;
  try {
    url = new URL(value, window.location.origin);
  } catch (error) {
    return '/';
  }
  // a path like `//host` (resolved from `/.//host`) would name another host again
  if (url.origin !== window.location.origin || url.pathname.startsWith('//')) {
    return '/';
  }
  return `${url.pathname}${url.search}${url.hash}`;
}

async function problemFrom(response) {
  const fallback = {
    title: response.statusText || `Request failed (HTTP ${response.status})`,
    status: response.status,
  };
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return new ApiError(fallback);
  }
  try {
    const problem = await response.json();
    return new ApiError({
      title: typeof problem.title === 'string' && problem.title ? problem.title : fallback.title,
      detail: typeof problem.detail === 'string' ? problem.detail : '',
      status: response.status,
    });
  } catch (cause) {
    return new ApiError(fallback);
  }
}
