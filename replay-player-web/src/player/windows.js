// Loads a session in time windows: the first window from the keyframe of the moment asked for,
// then the following windows, which only carry the events after what is already loaded.

import { fetchEventWindow } from './api.js';

/** How much session time one request covers. */
export const WINDOW_MS = 60_000;

/**
 * How much session time the request that opens a moment covers: little, so that the moment shows
 * as soon as possible; playing fetches the following windows ahead.
 */
export const FIRST_WINDOW_MS = 10_000;

/**
 * How many of the windows opened last are kept, so that going back to a moment shown shortly
 * before needs no request.
 */
const RECENT_WINDOWS = 4;

// Where the player page's early script leaves the session it started opening (see openEarly), and
// what the player leaves there once it has started, so that an early script running late stays idle.
const EARLY = Symbol.for('replay.player.earlyWindows');
const STARTED = 'started';

export class SessionWindows {
  #sessionId;
  #windowMs;
  #context;
  #path;
  #opened = false;
  #early = null;
  // the windows opened last, the latest first, each with the body its events are read from again
  #recent = [];
  sessionStart = 0;
  duration = 0;

  #firstWindowMs;

  /**
   * `context` is where the playback happens (`player` or `embed`), as recorded in the watch
   * history; `eventsPath` replaces the session's events endpoint, as a share link's page does with
   * the link's own (which takes no context).
   */
  constructor(sessionId, { windowMs = WINDOW_MS, firstWindowMs = FIRST_WINDOW_MS, context = 'player', eventsPath = null } = {}) {
    this.#sessionId = sessionId;
    this.#windowMs = windowMs;
    this.#firstWindowMs = firstWindowMs;
    this.#context = context;
    this.#path = eventsPath;
  }

  // Only the first request opens a playback; later windows and seeks continue it, so one viewing
  // counts once in the watch history and the audit trail.
  #request() {
    const continuation = this.#opened;
    this.#opened = true;
    return { context: this.#context, continuation, path: this.#path };
  }

  /**
   * The events that show the session from `offset` (ms): a keyframe at or before it and the
   * events up to a short first window later. Resolves to `{ events, windowStart, until }`, where `until` is
   * the offset up to which every event is loaded.
   */
  async open(offset) {
    const from = Math.max(0, offset);
    const early = this.#early;
    this.#early = null;
    if (early && early.from === from) {
      return early.window;
    }
    const recent = this.#recent.find(({ windowStart, until }) => windowStart <= from && from <= until);
    if (recent) {
      this.#recent = [recent, ...this.#recent.filter((other) => other !== recent)];
      // read again: rrweb's replayer may have changed the events it was given
      return { events: JSON.parse(recent.text), windowStart: recent.windowStart, until: recent.until };
    }
    const to = from + this.#firstWindowMs;
    const window = await fetchEventWindow(this.#sessionId, { from: from > 0 ? from : null, to, ...this.#request() });
    this.sessionStart = window.sessionStart;
    this.duration = window.duration;
    const opened = { windowStart: window.windowStart, until: Math.min(to, this.duration) };
    this.#recent = [{ ...opened, text: window.text }, ...this.#recent].slice(0, RECENT_WINDOWS);
    return { events: window.events, ...opened };
  }

  /**
   * The events after `until` (ms, as returned by `open` or `next`) up to one window later.
   * Resolves to `{ events, until }`.
   */
  async next(until) {
    const to = until + this.#windowMs;
    const window = await fetchEventWindow(this.#sessionId, { from: until, to, ...this.#request() });
    const loadedUpTo = this.sessionStart + until;
    this.duration = window.duration;
    return {
      events: window.events.filter((event) => event.timestamp > loadedUpTo),
      until: Math.min(to, this.duration),
    };
  }

  /**
   * Starts opening `offset` (ms) at once: the next `open` of the same moment resolves with this
   * request instead of making another.
   */
  openAhead(offset) {
    const window = this.open(offset);
    // a failure is reported to whoever opens the moment, not as an unhandled rejection
    window.catch(() => {});
    this.#early = { from: Math.max(0, offset), window };
  }

  get sessionId() {
    return this.#sessionId;
  }

  /** Whether every event up to the end of the session is loaded. */
  isComplete(until) {
    return until >= this.duration;
  }
}

/**
 * Starts opening a session at `offset` (ms) while the rest of the page still loads, for
 * `takeEarlyWindows` to hand over once the player starts: the page's early script and its player
 * script are separate bundles, so the session is left where both can find it.
 */
export function openEarly(sessionId, offset) {
  if (globalThis[EARLY] === STARTED) {
    return;
  }
  const windows = new SessionWindows(sessionId);
  windows.openAhead(offset);
  globalThis[EARLY] = windows;
}

/**
 * The session `openEarly` started opening, if it is `sessionId`'s, once; otherwise null, and a later
 * `openEarly` does nothing.
 */
export function takeEarlyWindows(sessionId) {
  const windows = globalThis[EARLY];
  globalThis[EARLY] = STARTED;
  return windows?.sessionId === sessionId ? windows : null;
}
