// Sends batches to the server one at a time, in order. A batch that meets a network error or a
// 408/429/5xx answer is sent again, with the same sequence, after 1 s, 2 s, 4 s … (at most 30 s,
// or what Retry-After asks), up to 8 attempts; other refusals drop it. When the page is hidden,
// everything waiting goes out at once with keepalive requests or beacons.

export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_DELAY_MS = 1000;
const MAX_RETRY_DELAY_MS = 30000;
const MAX_RETRY_AFTER_MS = 5 * 60 * 1000;
// Browsers allow 64 KiB of keepalive bodies in flight per page; stay a little below.
const KEEPALIVE_BUDGET_BYTES = 60 * 1024;
// Memory kept for batches the server has not taken yet; the oldest go first beyond it.
const MAX_PENDING_CHARS = 8 * 1024 * 1024;

export class Uploader {
  #endpoint;
  #token;
  #outbox = [];
  #inFlight = null;
  #draining = false;
  #idleWaiters = [];
  #warned = new Set();

  constructor({ endpoint, token }) {
    this.#endpoint = endpoint;
    this.#token = token;
  }

  /**
   * @param {{sessionId: string, sequence: number, json: string}} batch the body, already encoded
   */
  enqueue(batch) {
    this.#outbox.push(batch);
    this.#dropBeyondLimit();
    this.#drain();
  }

  /** Resolves once every batch handed over so far has been sent or given up. */
  idle() {
    if (!this.#draining && this.#outbox.length === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Sends everything still waiting, and `last` if given, without compression, in a way that
   * outlives the page.
   * @param {boolean} unloading true on pagehide, when a request already under way may be cut off
   */
  sendBeforeHide(unloading, last = null) {
    const batches = this.#outbox.filter((batch) => unloading || batch !== this.#inFlight);
    this.#outbox = this.#outbox.filter((batch) => !batches.includes(batch));
    if (last) {
      batches.push(last);
    }
    let budget = KEEPALIVE_BUDGET_BYTES;
    for (const batch of batches) {
      const bytes = new Blob([batch.json]).size;
      if (bytes <= budget) {
        budget -= bytes;
        this.#sendKeepalive(batch);
      } else if (!this.#sendBeacon(batch) && !unloading) {
        this.#requeue(batch);
      }
    }
    this.#settleIfIdle();
  }

  url(sessionId) {
    return `${this.#endpoint}/ingest/v1/sessions/${encodeURIComponent(sessionId)}/segments`;
  }

  async #drain() {
    if (this.#draining) {
      return;
    }
    this.#draining = true;
    while (this.#outbox.length > 0) {
      await this.#deliver(this.#outbox[0]);
    }
    this.#draining = false;
    this.#settleIfIdle();
  }

  async #deliver(batch) {
    for (let attempt = 1; ; attempt++) {
      let response = null;
      this.#inFlight = batch;
      try {
        response = await this.#post(batch);
      } catch (error) {
        // Network failure or CORS refusal: retried like a 503.
      }
      this.#inFlight = null;
      if (!this.#outbox.includes(batch)) {
        return; // sent by sendBeforeHide meanwhile
      }
      if (response && response.ok) {
        this.#remove(batch);
        return;
      }
      if (response && !isRetryable(response.status)) {
        this.#warnOnce(`status-${response.status}`, `Replay: the server refused a recording batch (HTTP ${response.status}); it was dropped.`);
        this.#remove(batch);
        return;
      }
      if (attempt >= MAX_ATTEMPTS) {
        this.#warnOnce('gave-up', `Replay: a recording batch could not be delivered after ${MAX_ATTEMPTS} attempts; it was dropped.`);
        this.#remove(batch);
        return;
      }
      await sleep(retryDelay(attempt, response));
      if (!this.#outbox.includes(batch)) {
        return;
      }
    }
  }

  async #post(batch) {
    const headers = { 'Content-Type': 'application/json', 'X-Replay-Token': this.#token };
    let body = batch.json;
    const compressed = await compress(batch);
    if (compressed) {
      body = compressed;
      headers['Content-Encoding'] = 'gzip';
    }
    return fetch(this.url(batch.sessionId), {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers,
      body,
    });
  }

  #sendKeepalive(batch) {
    fetch(this.url(batch.sessionId), {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', 'X-Replay-Token': this.#token },
      body: batch.json,
    }).then(
      (response) => {
        if (!response.ok && isRetryable(response.status)) {
          this.#requeue(batch);
        }
      },
      () => this.#requeue(batch),
    );
  }

  // Beacons cannot carry headers: the token goes in the query and the body as text/plain, which
  // also spares the CORS preflight.
  #sendBeacon(batch) {
    if (typeof navigator.sendBeacon !== 'function') {
      return false;
    }
    const url = `${this.url(batch.sessionId)}?token=${encodeURIComponent(this.#token)}`;
    try {
      return navigator.sendBeacon(url, new Blob([batch.json], { type: 'text/plain' }));
    } catch (error) {
      return false;
    }
  }

  // Only reached while the page is still alive: the batch goes back in sequence order and takes
  // the ordinary path again.
  #requeue(batch) {
    if (this.#outbox.includes(batch)) {
      return;
    }
    const index = this.#outbox.findIndex((other) => other !== this.#inFlight
      && other.sessionId === batch.sessionId && other.sequence > batch.sequence);
    if (index === -1) {
      this.#outbox.push(batch);
    } else {
      this.#outbox.splice(index, 0, batch);
    }
    this.#drain();
  }

  #remove(batch) {
    this.#outbox = this.#outbox.filter((other) => other !== batch);
  }

  // Drops the oldest waiting batches (never the one being sent, never the newest).
  #dropBeyondLimit() {
    let chars = this.#outbox.reduce((sum, batch) => sum + batch.json.length, 0);
    while (chars > MAX_PENDING_CHARS) {
      const index = this.#outbox[0] === this.#inFlight ? 1 : 0;
      if (index >= this.#outbox.length - 1) {
        return;
      }
      const [dropped] = this.#outbox.splice(index, 1);
      chars -= dropped.json.length;
      this.#warnOnce('overflow', 'Replay: too many recording batches are waiting for the server; the oldest were dropped.');
    }
  }

  #settleIfIdle() {
    if (this.#draining || this.#outbox.length > 0) {
      return;
    }
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    waiters.forEach((resolve) => resolve());
  }

  #warnOnce(key, message) {
    if (!this.#warned.has(key)) {
      this.#warned.add(key);
      console.warn(message);
    }
  }
}

export function isRetryable(status) {
  return status === 408 || status === 429 || status >= 500;
}

/** Delay before attempt `attempt + 1`: Retry-After when the server gave one, else doubling. */
export function retryDelay(attempt, response) {
  const retryAfter = parseRetryAfter(response?.headers?.get('Retry-After'));
  if (retryAfter !== null) {
    return Math.min(retryAfter, MAX_RETRY_AFTER_MS);
  }
  return Math.min(FIRST_RETRY_DELAY_MS * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
}

function parseRetryAfter(value) {
  if (!value) {
    return null;
  }
  if (/^\d+$/.test(value.trim())) {
    return Number(value.trim()) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

// The gzip body of a batch, made once and kept for retries; null where the browser has no
// CompressionStream (or it fails), and the batch then goes uncompressed.
async function compress(batch) {
  if (batch.gzipped === undefined) {
    batch.gzipped = null;
    if (typeof CompressionStream === 'function') {
      try {
        const stream = new Blob([batch.json]).stream().pipeThrough(new CompressionStream('gzip'));
        batch.gzipped = new Uint8Array(await new Response(stream).arrayBuffer());
      } catch (error) {
        // Sent uncompressed.
      }
    }
  }
  return batch.gzipped;
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
