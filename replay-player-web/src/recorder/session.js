// The recording session, kept in sessionStorage so that it survives reloads and navigation
// within the tab. It ends after 30 minutes without user activity; the sequence numbers the
// batches of a session, one after the other, and never goes back.

import { uuid } from './uuid.js';

const STORAGE_KEY = 'replay.session';
export const INACTIVITY_TIMEOUT_MS = 30 * 60 * 1000;
const ACTIVITY_WRITE_INTERVAL_MS = 5000;

export class SessionStore {
  #storage;
  #session;
  #writtenActivity = 0;

  constructor(storage) {
    this.#storage = storage;
  }

  /** Continues the stored session, or starts a new one if there is none or it has expired. */
  open(now) {
    const stored = this.#read();
    this.#session = stored && !expired(stored, now) ? stored : fresh(now);
    this.#session.lastActivity = now;
    this.#write();
    return this.#session.id;
  }

  get id() {
    return this.#session.id;
  }

  isExpired(now) {
    return expired(this.#session, now);
  }

  /** Starts a new session (after inactivity); returns its id. */
  renew(now) {
    this.#session = fresh(now);
    this.#write();
    return this.#session.id;
  }

  /** Records user activity; written at most every few seconds. */
  touch(now) {
    this.#session.lastActivity = now;
    if (now - this.#writtenActivity >= ACTIVITY_WRITE_INTERVAL_MS) {
      this.#write();
    }
  }

  /** Hands out the next batch number of this session and remembers it. */
  nextSequence() {
    const sequence = this.#session.sequence;
    this.#session.sequence = sequence + 1;
    this.#write();
    return sequence;
  }

  #read() {
    try {
      const value = JSON.parse(this.#storage?.getItem(STORAGE_KEY) || 'null');
      if (value && typeof value.id === 'string' && Number.isInteger(value.sequence)
        && typeof value.lastActivity === 'number') {
        return value;
      }
    } catch (error) {
      // Unreadable or unavailable storage: start afresh.
    }
    return null;
  }

  #write() {
    this.#writtenActivity = this.#session.lastActivity;
    try {
      this.#storage?.setItem(STORAGE_KEY, JSON.stringify(this.#session));
    } catch (error) {
      // Storage full or blocked: the session lives on in memory for this page.
    }
  }
}

function fresh(now) {
  return { id: uuid(), sequence: 0, lastActivity: now };
}

function expired(session, now) {
  return now - session.lastActivity > INACTIVITY_TIMEOUT_MS;
}

/** sessionStorage, or null where the browser refuses it (privacy modes, sandboxed frames). */
export function sessionStorageOrNull() {
  try {
    return window.sessionStorage;
  } catch (error) {
    return null;
  }
}
