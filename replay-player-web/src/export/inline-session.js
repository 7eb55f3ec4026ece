// A session that an exported file carries whole: the events of its JSON script elements, with the
// captured assets put in place of their tokens. It answers the player's requests for windows as
// the server does (SessionWindows), from memory: a moment opens at the latest full snapshot at or
// before it, and every event after it is already there.

/**
 * What a captured URL is in the events of an exported file (followed by the asset's SHA-256), and
 * what the link to an image of a mobile recording is (followed by the image's id).
 */
const TOKEN = /replay-asset:([0-9a-f]{64})|replay-resource:([A-Za-z0-9._~-]+)/g;

// rrweb's event types (FULL_SNAPSHOT and META), without loading rrweb here.
const FULL_SNAPSHOT = 2;
const META = 4;

export class InlineSession {
  #events;
  sessionStart;
  duration;

  /**
   * `eventsJson` is the events' JSON array as text; `assets` maps an asset's SHA-256, or
   * `resource:` and an image's id, to its `data:` URL; `session` has `sessionStart` and `duration` (ms) as the server reported them.
   */
  constructor(eventsJson, assets, session = {}) {
    const text = eventsJson.replace(TOKEN, (token, sha256, resourceId) => (sha256 ? assets[sha256] : assets[`resource:${resourceId}`]) ?? token);
    this.#events = JSON.parse(text);
    const first = this.#events[0]?.timestamp ?? 0;
    const last = this.#events[this.#events.length - 1]?.timestamp ?? first;
    this.sessionStart = Number.isFinite(session.sessionStart) ? session.sessionStart : first;
    this.duration = Number.isFinite(session.duration) ? session.duration : last - first;
  }

  get events() {
    return this.#events;
  }

  /** The events from the keyframe of `offset` (ms) to the end: `{ events, windowStart, until }`. */
  async open(offset) {
    const start = this.#keyframeBefore(this.sessionStart + Math.max(0, offset));
    const events = this.#events.slice(start);
    return { events, windowStart: (events[0]?.timestamp ?? this.sessionStart) - this.sessionStart, until: this.duration };
  }

  /** Nothing follows: every event was there from the start. */
  async next() {
    return { events: [], until: this.duration };
  }

  isComplete(until) {
    return until >= this.duration;
  }

  // The index of the meta event before the latest full snapshot at or before `timestamp` (rrweb
  // needs the page's size before a snapshot), or 0.
  #keyframeBefore(timestamp) {
    const events = this.#events;
    let snapshot = -1;
    for (let i = 0; i < events.length && events[i].timestamp <= timestamp; i++) {
      if (events[i].type === FULL_SNAPSHOT) {
        snapshot = i;
      }
    }
    for (let i = snapshot; i > 0; i--) {
      if (events[i].type === META) {
        return i;
      }
    }
    return 0;
  }
}
