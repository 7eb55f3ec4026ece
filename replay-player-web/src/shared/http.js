// The one client for the Replay HTTP API that the app, the player and the embedded player use:
// same origin, cookie session (or the HTTP Basic credentials a script's browser sends), the CSRF
// token echoed on every change, and failures as ProblemError with the server's problem details.

/** A failure, carrying the RFC 9457 problem details the server sent (or our own summary). */
export class ProblemError extends Error {
  constructor({ title, detail = '', status = 0, type = 'about:blank' }) {
    super(detail ? `${title}: ${detail}` : title);
    this.name = 'ProblemError';
    this.title = title;
    this.detail = detail;
    this.status = status;
    this.type = type;
  }
}

/**
 * Marks the app's own requests, so that a 401 comes without an HTTP Basic challenge (which
 * would make the browser ask for credentials) and the app can show its sign-in page instead.
 */
export const APP_REQUEST = Object.freeze({ 'X-Requested-With': 'XMLHttpRequest' });

const UNREACHABLE = 'Check your connection and try again.';

/** The value of the XSRF-TOKEN cookie the server sets, or '' before it has set one. */
export function csrfToken() {
  const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Builds a same-origin URL from a path and the query parameters that have a value. */
export function apiUrl(path, query = {}) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  return url;
}

/**
 * Calls the API and resolves to the response when it succeeded; throws a ProblemError otherwise
 * (an aborted request throws the AbortError). `body` is sent as JSON, `form` as a form.
 * `appRequest: false` leaves out the app's marker, so that a 401 challenges for HTTP Basic;
 * `unreachable` is the detail of the error a network failure gives.
 */
export async function request(path, { method = 'GET', query, body, form, signal, appRequest = true, unreachable = UNREACHABLE } = {}) {
  const headers = { Accept: 'application/json', ...(appRequest ? APP_REQUEST : {}) };
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
    throw new ProblemError({ title: 'Could not reach the server', detail: unreachable });
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  return response;
}

/** The body of a successful response: null for 204, parsed JSON for a JSON type, else text. */
export function bodyOf(response) {
  if (response.status === 204) {
    return null;
  }
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

async function problemFrom(response) {
  const fallback = {
    title: response.statusText || `Request failed (HTTP ${response.status})`,
    status: response.status,
  };
  const type = response.headers.get('Content-Type') || '';
  if (!type.includes('json')) {
    return new ProblemError(fallback);
  }
  try {
    const problem = await response.json();
    return new ProblemError({
      title: typeof problem.title === 'string' && problem.title ? problem.title : fallback.title,
      detail: typeof problem.detail === 'string' ? problem.detail : '',
      status: response.status,
      type: typeof problem.type === 'string' ? problem.type : undefined,
    });
  } catch (cause) {
    return new ProblemError(fallback);
  }
}
