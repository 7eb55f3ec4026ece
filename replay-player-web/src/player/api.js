// What the player reads from the Replay HTTP API (same origin, cookie session), through the
// shared client. The player's requests are not marked as the app's: a 401 challenges for HTTP
// Basic, as it does for the page itself.

import { ProblemError, request } from '../shared/http.js';

const OPTIONS = Object.freeze({
  appRequest: false,
  unreachable: 'The recording could not be loaded. Check your connection and reload the page.',
});

/**
 * Fetches a window of a session's events: the keyframe at or before `from` (ms from the session
 * start) and the events after it up to `to`. Resolves to `{ events, text, sessionStart, duration,
 * windowStart }`, where `text` is the body the events were read from, `sessionStart` is epoch ms
 * and `duration` and `windowStart` are ms. `path`
 * replaces the session's events endpoint, for example with a share link's (`/s/{secret}/events`).
 */
export async function fetchEventWindow(sessionId, { from = null, to = null, context = null, continuation = false, path = null, signal } = {}) {
  const query = {
    context,
    continuation: continuation ? 'true' : null,
    from: from === null ? null : Math.max(0, Math.floor(from)),
    to: to === null ? null : Math.max(0, Math.ceil(to)),
  };
  const url = path ?? `/api/v1/sessions/${encodeURIComponent(sessionId)}/events`;
  const requested = performance.now();
  const response = await request(url, { ...OPTIONS, query, signal });
  const answered = performance.now();
  const { events, text } = await eventsFrom(response);
  performance.measure('replay:window-wait', { start: requested, end: answered });
  if (!Array.isArray(events)) {
    throw new ProblemError({
      title: 'Unreadable recording',
      detail: 'The server sent a response that is not a list of events.',
      status: response.status,
    });
  }
  const first = events.length ? events[0].timestamp : 0;
  const last = events.length ? events[events.length - 1].timestamp : 0;
  const sessionStart = numberHeader(response, 'Replay-Session-Start') ?? first;
  return {
    events,
    text,
    sessionStart,
    duration: numberHeader(response, 'Replay-Session-Duration') ?? last - first,
    windowStart: numberHeader(response, 'Replay-Window-Start') ?? first - sessionStart,
  };
}

/** Fetches the timeline summary of a session: views, markers, inactivity periods and counts. */
export async function fetchTimeline(sessionId, { signal } = {}) {
  const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}/timeline`, { ...OPTIONS, signal });
  return jsonFrom(response);
}

/** Fetches the session's summary; resolves to null when it cannot be read. */
export async function fetchSession(sessionId) {
  try {
    const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}`, OPTIONS);
    return await response.json();
  } catch {
    return null;
  }
}

/** Fetches one page of a session's RUM events (`{ items, nextCursor }`). */
export async function fetchRumPage(sessionId, { limit, cursor = null }) {
  const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}/rum`, { ...OPTIONS, query: { limit, cursor } });
  return response.json();
}

/** Fetches the stylesheets, fonts and images a session references, each with its capture state. */
export async function fetchSessionAssets(sessionId) {
  const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}/assets`, OPTIONS);
  return response.json();
}

/** Where the developer tools read a session from, for a signed-in user. */
export function sessionDevtoolsSource(sessionId) {
  return {
    rumPage: (page) => fetchRumPage(sessionId, page),
    assets: () => fetchSessionAssets(sessionId),
    session: () => fetchSession(sessionId),
  };
}

/**
 * Where the developer tools read the session of a share link made to show them; the link names
 * no session, so there is no session summary to read.
 */
export function linkDevtoolsSource(secret) {
  const base = `/s/${encodeURIComponent(secret)}`;
  return {
    rumPage: async ({ limit, cursor = null }) => (await request(`${base}/rum`, { ...OPTIONS, query: { limit, cursor } })).json(),
    assets: async () => (await request(`${base}/assets`, OPTIONS)).json(),
    session: async () => null,
  };
}

// Reads the body (the rest of the download, decompressed) and parses it as two measured steps.
async function eventsFrom(response) {
  const started = performance.now();
  let text;
  try {
    text = await response.text();
  } catch {
    throw new ProblemError({ title: 'Unreadable recording', detail: 'The response could not be read.', status: response.status });
  }
  const read = performance.now();
  performance.measure('replay:window-download', { start: started, end: read });
  try {
    return { events: JSON.parse(text), text };
  } catch {
    throw new ProblemError({
      title: 'Unreadable recording',
      detail: 'The server sent a response that is not valid JSON.',
      status: response.status,
    });
  } finally {
    performance.measure('replay:window-parse', { start: read });
  }
}

async function jsonFrom(response) {
  try {
    return await response.json();
  } catch (cause) {
    throw new ProblemError({
      title: 'Unreadable recording',
      detail: 'The server sent a response that is not valid JSON.',
      status: response.status,
    });
  }
}

function numberHeader(response, name) {
  const value = response.headers.get(name);
  const number = value === null ? NaN : Number(value);
  return Number.isFinite(number) ? number : null;
}
