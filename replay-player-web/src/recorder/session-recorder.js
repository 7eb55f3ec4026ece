// Ties rrweb's record() to the session, the batching and the upload.

import { EventType, IncrementalSource, record } from 'rrweb';
import { watchClicks } from './action-capture.js';
import { devtoolsPlugins, longTasksSupported, watchLongTasks, watchNavigation } from './devtools-capture.js';
import { EventQueue } from './event-queue.js';
import { watchNetwork } from './network-capture.js';
import { recordPrivacyOptions } from './privacy.js';
import { SessionStore } from './session.js';
import { Uploader } from './uploader.js';
import { uuid } from './uuid.js';

// Incremental sources that mean a person is using the page.
const USER_SOURCES = new Set([
  IncrementalSource.MouseMove,
  IncrementalSource.MouseInteraction,
  IncrementalSource.Scroll,
  IncrementalSource.Input,
  IncrementalSource.TouchMove,
  IncrementalSource.MediaInteraction,
  IncrementalSource.Drag,
  IncrementalSource.Selection,
]);

// The custom events of what the developer tools list besides console messages and navigations.
export const CaptureTag = Object.freeze({
  RESOURCE: 'replay.resource',
  ACTION: 'replay.action',
  LONG_TASK: 'replay.long_task',
  CAPTURE: 'replay.capture',
});

// Captured before the page's first full snapshot (requests of a loading page): kept until it.
const MAX_EARLY_EVENTS = 200;

export class SessionRecorder {
  #config;
  #sessions;
  #uploader;
  #queue;
  #viewId = null;
  #user = null;
  #stopRecording = null;
  #stopNavigation = null;
  #stopCaptures = [];
  #early = [];
  #snapshotTaken = false;
  #awaitingSnapshot = false;
  #stopped = false;

  constructor(config, storage) {
    this.#config = config;
    this.#sessions = new SessionStore(storage);
    this.#uploader = new Uploader(config);
    this.#queue = new EventQueue((events) => this.#uploader.enqueue(this.#batch(events)));
  }

  start() {
    this.#sessions.open(Date.now());
    this.#viewId = uuid();
    this.#startCaptures();
    try {
      this.#stopRecording = record({
        emit: (event) => this.#onEvent(event),
        ...recordPrivacyOptions(this.#config.privacy),
        plugins: devtoolsPlugins(),
        ...canvasOptions(this.#config.canvasFps),
      }) || null;
    } catch (error) {
      console.warn('Replay: recording could not start.', error);
      this.#stopCaptures.forEach((stop) => stop());
      return;
    }
    this.#stopNavigation = watchNavigation((url, kind) => {
      try {
        record.addCustomEvent('navigation', { url, kind });
      } catch (error) {
        // Recording stopped in the meantime.
      }
    });
    window.addEventListener('pagehide', this.#onPageHide);
    document.addEventListener('visibilitychange', this.#onVisibilityChange);
  }

  /** Attaches a user to the batches sent from now on. */
  identify(user) {
    if (!user || typeof user !== 'object') {
      console.warn('Replay: identify() expects an object such as {id, name, email}.');
      return;
    }
    const known = {};
    for (const key of ['id', 'name', 'email']) {
      if (user[key] !== undefined && user[key] !== null && user[key] !== '') {
        known[key] = String(user[key]);
      }
    }
    this.#user = Object.keys(known).length > 0 ? known : null;
  }

  /** Sends what is queued now; resolves once the server has taken it (or it was given up). */
  flush() {
    this.#queue.flush();
    return this.#uploader.idle();
  }

  /** Stops recording for this page and sends what is left. */
  stop() {
    if (!this.#stopped) {
      this.#stopped = true;
      this.#stopRecording?.();
      this.#stopNavigation?.();
      this.#stopCaptures.forEach((stop) => stop());
      window.removeEventListener('pagehide', this.#onPageHide);
      document.removeEventListener('visibilitychange', this.#onVisibilityChange);
    }
    return this.flush();
  }

  #onEvent(event) {
    if (this.#stopped) {
      return;
    }
    const now = Date.now();
    const activity = isUserActivity(event);
    if (this.#sessions.isExpired(now)) {
      // The session ended while nobody used the page; a new one starts when someone does.
      if (activity) {
        this.#startNewSession(now);
      }
      return;
    }
    if (this.#awaitingSnapshot) {
      if (event.type !== EventType.Meta && event.type !== EventType.FullSnapshot) {
        return;
      }
      this.#awaitingSnapshot = event.type !== EventType.FullSnapshot;
    }
    if (activity) {
      this.#sessions.touch(now);
    }
    this.#queue.add(JSON.stringify(event));
    if (event.type === EventType.FullSnapshot) {
      // The snapshot is the biggest event and nothing plays without it: send it (compressed)
      // right away rather than risk it on a page hide, where only 64 KB can leave.
      this.#queue.flush();
      this.#afterSnapshot();
    }
  }

  // Requests, clicks and long tasks, watched from the start so that the requests of a loading
  // page are kept; the recorder's own uploads are not among them.
  #startCaptures() {
    const ingest = `${this.#config.endpoint}/ingest/`;
    const privacy = this.#config.privacy ?? {};
    this.#stopCaptures = [
      watchNetwork((request) => this.#capture(CaptureTag.RESOURCE, request), {
        ignore: (url) => url.startsWith(ingest),
        headers: this.#config.networkHeaders ?? [],
      }),
      watchClicks((action) => this.#capture(CaptureTag.ACTION, action), privacy),
      watchLongTasks((task) => this.#capture(CaptureTag.LONG_TASK, task)),
    ];
  }

  #capture(tag, payload) {
    const event = { type: EventType.Custom, data: { tag, payload }, timestamp: Date.now() };
    if (this.#snapshotTaken) {
      this.#onEvent(event);
    } else if (this.#early.length < MAX_EARLY_EVENTS) {
      this.#early.push(event);
    }
  }

  // Every session says what this recorder captures, so that the player can tell "none happened"
  // from "not recorded"; what was captured before the first snapshot follows it.
  #afterSnapshot() {
    this.#snapshotTaken = true;
    const kinds = ['resource', 'action'];
    if (longTasksSupported()) {
      kinds.push('long_task');
    }
    this.#onEvent({ type: EventType.Custom, data: { tag: CaptureTag.CAPTURE, payload: { kinds } }, timestamp: Date.now() });
    const early = this.#early;
    this.#early = [];
    for (const event of early) {
      this.#onEvent({ ...event, timestamp: Date.now() });
    }
  }

  // A new session must begin with a full snapshot: events until then would refer to nodes it
  // has never seen, so they are left out.
  #startNewSession(now) {
    this.#queue.flush();
    this.#sessions.renew(now);
    this.#viewId = uuid();
    this.#awaitingSnapshot = true;
    setTimeout(() => {
      try {
        record.takeFullSnapshot();
      } catch (error) {
        // Recording stopped in the meantime.
      }
    }, 0);
  }

  #batch(events) {
    const { applicationId } = this.#config;
    const sessionId = this.#sessions.id;
    const sequence = this.#sessions.nextSequence();
    const context = { url: location.href, userAgent: navigator.userAgent };
    if (this.#user) {
      context.user = this.#user;
    }
    const head = JSON.stringify({ applicationId, sessionId, viewId: this.#viewId, sequence });
    const json = `${head.slice(0, -1)},"events":[${events.join(',')}],"context":${JSON.stringify(context)}}`;
    return { sessionId, sequence, json };
  }

  #hide(unloading) {
    const events = this.#queue.take();
    this.#uploader.sendBeforeHide(unloading, events.length > 0 ? this.#batch(events) : null);
  }

  #onPageHide = () => this.#hide(true);

  #onVisibilityChange = () => {
    if (document.visibilityState === 'hidden') {
      this.#hide(false);
    }
  };
}

/**
 * record() options for canvases: none when `fps` is 0 (rrweb records no canvas content then),
 * otherwise an image of each canvas `fps` times a second, as WebP. The player draws these frames
 * itself, so replayed pages never need to run scripts.
 */
export function canvasOptions(fps) {
  if (!(fps > 0)) {
    return {};
  }
  return {
    recordCanvas: true,
    sampling: { canvas: fps },
    dataURLOptions: { type: 'image/webp', quality: 0.6 },
  };
}

/** Whether an event shows someone using the page: pointer, scroll or input, or the page drawn anew. */
export function isUserActivity(event) {
  if (event.type === EventType.Meta || event.type === EventType.FullSnapshot) {
    return true;
  }
  return event.type === EventType.IncrementalSnapshot && USER_SOURCES.has(event.data?.source);
}
