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
  const url = `/api/v1/sessions/${encodeURIComponent(sessionId)}/events`;
  let response;
  try {
    response = await fetch(url, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
      signal,
    });
  } catch (cause) {
    throw new ProblemError({
      title: 'Could not reach the server',
      detail: 'The recording could not be loaded. Check your connection and reload the page.',
    });
  }
  if (!response.ok) {
    throw await problemFrom(response);
  }
  let events;
  try {
    events = await response.json();
  } catch (cause) {
    throw new ProblemError({
      title: 'Unreadable recording',
      detail: 'The server sent a response that is not valid JSON.',
      status: response.status,
    });
  }
  if (!Array.isArray(events)) {
    throw new ProblemError({
      title: 'Unreadable recording',
      detail: 'The server sent a response that is not a list of events.',
      status: response.status,
    });
  }
  return events;
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
