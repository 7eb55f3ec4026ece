// The web app's calls to the Replay HTTP API: the shared client, plus the app's answer to a 401
// (the sign-in page) and where to go after signing in.

import { bodyOf, request } from '../shared/http.js';

/**
 * Calls the API and returns the parsed JSON body (null for 204). A 401 sends the browser to the
 * sign-in page unless `redirectOn401` is false; other failures throw a ProblemError.
 */
export async function api(path, { redirectOn401 = true, ...options } = {}) {
  let response;
  try {
    response = await request(path, options);
  } catch (error) {
    if (error?.status === 401 && redirectOn401) {
      goToSignIn();
    }
    throw error;
  }
  return bodyOf(response);
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
