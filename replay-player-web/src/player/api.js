// Client for the Replay HTTP API, as seen from the player page (same origin, cookie session).

/** An API failure, carrying the RFC 9457 problem details the server sent (or our own summary). */
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

/** Fetches the whole event stream of a session: one JSON array of rrweb events in timestamp order. */
export async function fetchSessionEvents(sessionId, { signal } = {}) {
  return (await fetchEventWindow(sessionId, { signal })).events;
}

/**
 * Fetches a window of a session's events: the keyframe at or before `from` (ms from the session
 * start) and the events after it up to `to`. Resolves to `{ events, sessionStart, duration,
 * windowStart }`, where `sessionStart` is epoch ms and `duration` and `windowStart` are ms.
 */
export async function fetchEventWindow(sessionId, { from = null, to = null, context = null, continuation = false, signal } = {}) {
  const params = new URLSearchParams();
  if (context !== null) {
    params.set('context', context);
  }
  if (continuation) {
    params.set('continuation', 'true');
  }
  if (from !== null) {
    params.set('from', String(Math.max(0, Math.floor(from))));
  }
  if (to !== null) {
    params.set('to', String(Math.max(0, Math.ceil(to))));
  }
  const query = params.size ? `?${params}` : '';
  const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}/events${query}`, signal);
  const events = await jsonFrom(response);
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
    sessionStart,
    duration: numberHeader(response, 'Replay-Session-Duration') ?? last - first,
    windowStart: numberHeader(response, 'Replay-Window-Start') ?? first - sessionStart,
  };
}

/** Fetches the timeline summary of a session: views, markers, inactivity periods and counts. */
export async function fetchTimeline(sessionId, { signal } = {}) {
  const response = await request(`/api/v1/sessions/${encodeURIComponent(sessionId)}/timeline`, signal);
  return jsonFrom(response);
}

async function request(url, signal) {
  let response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (cause) {
    if (cause?.name === 'AbortError') {
      throw cause;
    }
    throw new ProblemError({
      title: 'Could not reach the server',
      detail: 'The recording could not be loaded. Check your connection and reload the page.',
    });
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  return response;
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

async function problemFrom(response) {
  const fallback = {
    title: response.statusText || `Request failed (HTTP ${response.status})`,
    status: response.status,
  };
  const contentType = response.headers.get('Content-Type') || '';
  if (!contentType.includes('json')) {
    return new ProblemError(fallback);
  }
  try {
    const problem = await response.json();
    return new ProblemError({
      title: typeof problem.title === 'string' && problem.title ? problem.title : fallback.title,
      detail: typeof problem.detail === 'string' ? problem.detail : '',
      status: Number.isInteger(problem.status) ? problem.status : response.status,
      type: typeof problem.type === 'string' ? problem.type : undefined,
    });
  } catch (cause) {
    return new ProblemError(fallback);
  }
}
