// The page's fetch and XMLHttpRequest requests, for the player's Network tab: method, URL (the
// values of query and fragment parameters whose names look sensitive replaced by ***, user and
// password removed), status (0 when the request failed or was aborted), when it started, how long
// it took until its response body ended, and the sizes of the request and response bodies. Bodies
// themselves are never recorded; headers only when the site names them in data-network-headers.

/** At most this many requests are recorded per page load, so that a polling page cannot flood the upload. */
export const MAX_REQUESTS_PER_PAGE = 1000;

// names of parameters whose values are masked: anything with these words in it …
const SENSITIVE_WORDS = /token|key|secret|passw|pwd|auth|session|code|signature|credential|ticket|nonce|jwt/i;
// … and these short names on their own or at the end of a name
const SENSITIVE_SHORT = /(^|[_.-])(sid|sig|otp|pin|ssn)$/i;

export const MASK = '***';

const MAX_URL_LENGTH = 2048;
const MAX_HEADER_LENGTH = 512;
// A response body longer than this is not read to its end to measure it: its Content-Length is used.
const MAX_MEASURED_BYTES = 16 * 1024 * 1024;

/** Whether a query parameter's name looks like it carries a credential or a personal secret. */
export function isSensitiveParameter(name) {
  return SENSITIVE_WORDS.test(name) || SENSITIVE_SHORT.test(name);
}

/**
 * A URL as it may be recorded: absolute, without user and password, with the values of sensitive
 * query and fragment parameters replaced by ***, at most 2048 characters.
 */
export function maskUrl(url, base) {
  let parsed;
  try {
    parsed = new URL(String(url), base);
  } catch (error) {
    return null;
  }
  if (parsed.protocol === 'data:') {
    // the data itself is the body of the request: only its media type is kept
    return `data:${parsed.pathname.split(',')[0]}`.slice(0, MAX_URL_LENGTH);
  }
  const query = maskParameters(parsed.search.slice(1));
  const fragment = parsed.hash.includes('=') ? maskParameters(parsed.hash.slice(1)) : parsed.hash.slice(1);
  const origin = parsed.origin !== 'null' ? parsed.origin : parsed.protocol;
  const masked = `${origin}${parsed.pathname}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
  return masked.slice(0, MAX_URL_LENGTH);
}

function maskParameters(parameters) {
  return parameters.split('&').map((pair) => {
    const equals = pair.indexOf('=');
    if (equals < 0 || equals === pair.length - 1) {
      return pair;
    }
    const rawName = pair.slice(0, equals);
    let name = rawName;
    try {
      name = decodeURIComponent(rawName.replace(/\+/g, ' '));
    } catch (error) {
      // not valid percent-encoding: judge the name as written
    }
    return isSensitiveParameter(name) ? `${rawName}=${MASK}` : pair;
  }).join('&');
}

/** The size in bytes of a request body, or null when it cannot be told without reading it (a stream, a form). */
export function bodySize(body) {
  if (body === undefined || body === null) {
    return 0;
  }
  if (typeof body === 'string') {
    return new TextEncoder().encode(body).length;
  }
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    return body.size;
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    return body.byteLength;
  }
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) {
    return new TextEncoder().encode(body.toString()).length;
  }
  return null;
}

/**
 * Watches the page's fetch() and XMLHttpRequest and calls `emit(request)` as each ends, with
 * {kind, method, url, status, startTime, duration, requestSize, responseSize, failure?,
 * requestHeaders?, responseHeaders?}; requests whose URL `ignore` accepts (the recorder's own
 * uploads) are left alone. Returns a function that stops watching.
 */
export function watchNetwork(emit, { ignore = () => false, headers = [] } = {}, win = window) {
  const allowed = new Set(headers);
  let count = 0;
  const record = (request) => {
    if (count < MAX_REQUESTS_PER_PAGE) {
      count++;
      emit(request);
    }
  };
  const context = { win, allowed, ignore, record };
  const stops = [patchFetch(context), patchXhr(context)];
  return () => stops.forEach((stop) => stop());
}

function patchFetch({ win, allowed, ignore, record }) {
  const original = win.fetch;
  if (typeof original !== 'function') {
    return () => {};
  }
  const patched = function fetch(input, init) {
    const started = { at: Date.now(), clock: win.performance.now() };
    // eslint-disable-next-line prefer-rest-params
    const result = original.apply(win, arguments);
    let request = null;
    try {
      request = describeFetch(input, init, win, allowed);
    } catch (error) {
      // an argument fetch itself refuses: the promise rejects, nothing to record
    }
    if (request && !ignore(request.absoluteUrl)) {
      result.then(
        (response) => finishFetch(response, request, started, win, allowed).then(record),
        (error) => record(requestRecord(request, started, win, {
          status: 0,
          responseSize: null,
          failure: error?.name === 'AbortError' ? 'abort' : 'error',
        })),
      );
    }
    return result;
  };
  win.fetch = patched;
  return () => {
    if (win.fetch === patched) {
      win.fetch = original;
    }
  };
}

function describeFetch(input, init, win, allowed) {
  const isRequest = typeof win.Request === 'function' && input instanceof win.Request;
  const url = isRequest ? input.url : String(input);
  const method = String(init?.method || (isRequest ? input.method : 'GET')).toUpperCase();
  const body = init && 'body' in init ? init.body : (isRequest ? undefined : null);
  const request = {
    kind: 'fetch',
    method,
    absoluteUrl: new URL(url, win.location.href).href,
    requestSize: body === undefined ? null : bodySize(body),
  };
  if (allowed.size > 0) {
    const headers = new win.Headers(init?.headers ?? (isRequest ? input.headers : undefined));
    request.requestHeaders = pickHeaders((name) => headers.get(name), allowed);
  }
  return request;
}

async function finishFetch(response, request, started, win, allowed) {
  const responseHeaders = allowed.size > 0 ? pickHeaders((name) => response.headers.get(name), allowed) : undefined;
  const responseSize = await responseBodySize(response);
  return requestRecord(request, started, win, { status: response.status, responseSize, responseHeaders });
}

// Reads a copy of the body to its end, so that the duration covers the whole response and the
// size is that of the body as the page receives it. Streams that never end (server-sent events)
// and bodies known to be very large are not read: their Content-Length (or nothing) is the size.
async function responseBodySize(response) {
  const declared = Number.parseInt(response.headers.get('content-length') ?? '', 10);
  const length = Number.isFinite(declared) ? declared : null;
  const type = response.headers.get('content-type') || '';
  if (!response.body || response.bodyUsed || type.includes('text/event-stream')
    || (length !== null && length > MAX_MEASURED_BYTES)) {
    return length;
  }
  try {
    const reader = response.clone().body.getReader();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return size;
      }
      size += value.byteLength;
      if (size > MAX_MEASURED_BYTES) {
        reader.cancel().catch(() => {});
        return length;
      }
    }
  } catch (error) {
    return length;
  }
}

function patchXhr({ win, allowed, ignore, record }) {
  const prototype = win.XMLHttpRequest?.prototype;
  if (!prototype) {
    return () => {};
  }
  const originals = { open: prototype.open, send: prototype.send, setRequestHeader: prototype.setRequestHeader };
  const requests = new WeakMap();
  prototype.open = function open(method, url) {
    try {
      requests.set(this, {
        kind: 'xhr',
        method: String(method).toUpperCase(),
        absoluteUrl: new URL(String(url), win.location.href).href,
        requestHeaders: allowed.size > 0 ? {} : undefined,
      });
    } catch (error) {
      requests.delete(this);
    }
    // eslint-disable-next-line prefer-rest-params
    return originals.open.apply(this, arguments);
  };
  prototype.setRequestHeader = function setRequestHeader(name, value) {
    const request = requests.get(this);
    const key = String(name).toLowerCase();
    if (request?.requestHeaders && allowed.has(key)) {
      request.requestHeaders[key] = String(value).slice(0, MAX_HEADER_LENGTH);
    }
    // eslint-disable-next-line prefer-rest-params
    return originals.setRequestHeader.apply(this, arguments);
  };
  prototype.send = function send(body) {
    const request = requests.get(this);
    if (request && !ignore(request.absoluteUrl)) {
      const started = { at: Date.now(), clock: win.performance.now() };
      request.requestSize = bodySize(body);
      let failure;
      const onFailure = (event) => {
        failure = event.type === 'abort' ? 'abort' : event.type;
      };
      const onEnd = (event) => {
        for (const type of ['abort', 'error', 'timeout']) {
          this.removeEventListener(type, onFailure);
        }
        this.removeEventListener('loadend', onEnd);
        const responseHeaders = allowed.size > 0 && this.status > 0
          ? pickHeaders((name) => this.getResponseHeader(name), allowed) : undefined;
        record(requestRecord(request, started, win, {
          status: this.status,
          responseSize: failure ? null : event.loaded,
          failure,
          responseHeaders,
        }));
      };
      for (const type of ['abort', 'error', 'timeout']) {
        this.addEventListener(type, onFailure);
      }
      this.addEventListener('loadend', onEnd);
    }
    // eslint-disable-next-line prefer-rest-params
    return originals.send.apply(this, arguments);
  };
  return () => Object.assign(prototype, originals);
}

function requestRecord(request, started, win, outcome) {
  const record = {
    kind: request.kind,
    method: request.method,
    url: maskUrl(request.absoluteUrl),
    status: outcome.status,
    startTime: started.at,
    duration: Math.max(0, Math.round((win.performance.now() - started.clock) * 10) / 10),
    requestSize: request.requestSize ?? null,
    responseSize: outcome.responseSize ?? null,
  };
  if (outcome.failure) {
    record.failure = outcome.failure;
  }
  if (request.requestHeaders && Object.keys(request.requestHeaders).length > 0) {
    record.requestHeaders = request.requestHeaders;
  }
  if (outcome.responseHeaders && Object.keys(outcome.responseHeaders).length > 0) {
    record.responseHeaders = outcome.responseHeaders;
  }
  return record;
}

function pickHeaders(get, allowed) {
  const picked = {};
  for (const name of allowed) {
    const value = get(name);
    if (value !== null && value !== undefined) {
      picked[name] = String(value).slice(0, MAX_HEADER_LENGTH);
    }
  }
  return picked;
}
