// Collects serialized events and cuts them into batches: every 5 seconds, or as soon as 100
// events or about 512 KB are waiting.

export const FLUSH_INTERVAL_MS = 5000;
export const MAX_BATCH_EVENTS = 100;
export const MAX_BATCH_CHARS = 512 * 1024;

export class EventQueue {
  #onFlush;
  #events = [];
  #chars = 0;
  #timer = 0;

  /** @param {(events: string[]) => void} onFlush receives each batch of JSON-encoded events */
  constructor(onFlush) {
    this.#onFlush = onFlush;
  }

  get size() {
    return this.#events.length;
  }

  add(json) {
    this.#events.push(json);
    this.#chars += json.length;
    if (this.#events.length >= MAX_BATCH_EVENTS || this.#chars >= MAX_BATCH_CHARS) {
      this.flush();
    } else if (!this.#timer) {
      this.#timer = setTimeout(() => this.flush(), FLUSH_INTERVAL_MS);
    }
  }

  /** Hands whatever is waiting to the callback now. */
  flush() {
    const events = this.take();
    if (events.length > 0) {
      this.#onFlush(events);
    }
  }

  /** Empties the queue and returns what it held, without the callback. */
  take() {
    clearTimeout(this.#timer);
    this.#timer = 0;
    const events = this.#events;
    this.#events = [];
    this.#chars = 0;
    return events;
  }
}
