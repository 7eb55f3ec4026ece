// Drives rrweb's Replayer and owns the player's state:
//   loading -> ready | playing | paused | error, then playing <-> paused.
// Every change is announced synchronously with a 'statechange' event, right after the replayer
// has been told, so whoever reflects the state (data-state) is never ahead of the replayed page.

import { EventType, Replayer } from 'rrweb';

import { ProblemError } from '../shared/http.js';
import { canvasFramesPlugin } from './canvas-frames.js';
import { firstFrame } from './first-frame.js';
import { keepKeysFromFrame } from './frame-keys.js';
import { REPLAYED_PAGE_STYLES } from './replayed-page.js';
import { PlayerState } from './state.js';
import { StyleCache } from './style-cache.js';
import { WINDOW_MS } from './windows.js';

// rrweb reports the end of playback a little after the last event; a 'finish' that arrives while
// the clock is still this far from the end belongs to an earlier seek and is not the end.
const END_TOLERANCE_MS = 250;

// How far ahead of the loaded events (in session time, at 1×) the next window is fetched.
const PREFETCH_AHEAD_MS = 20_000;

export class PlayerController extends EventTarget {
  #root;
  #replayer = null;
  #state = PlayerState.LOADING;
  #error = null;
  #duration = 0;
  #firstFrameAt = 0;
  #position = 0;
  #speed = 1;
  #windows = null;
  #styles = new StyleCache();
  // The session offset (ms) of the replayer's time 0, and the offset up to which it has events.
  #base = 0;
  #until = 0;
  #fetching = null;
  #moves = 0;
  #moving = false;
  #ticker = 0;

  /** @param {HTMLElement} root the element rrweb renders its wrapper and iframe into */
  constructor(root) {
    super();
    this.#root = root;
  }

  get state() {
    return this.#state;
  }

  get error() {
    return this.#error;
  }

  /** Length of the recording in ms. */
  get duration() {
    return this.#duration;
  }

  /** Playback position in ms from the start of the recording. */
  get currentTime() {
    if (this.#state === PlayerState.PLAYING && !this.#moving) {
      return clamp(this.#replayer.getCurrentTime() + this.#base, 0, this.#duration);
    }
    return this.#position;
  }

  get speed() {
    return this.#speed;
  }

  /** Whether the player is loading the window of a moment it moved to (a far seek). */
  get waiting() {
    return this.#moving;
  }

  get canPlay() {
    return this.#replayer !== null && this.#state !== PlayerState.ERROR;
  }

  /**
   * Loads the window of a session (a SessionWindows) that shows its first frame, or the page at
   * `startAt` (ms), and shows it, playing if `autoplay`.
   */
  async load(windows, { startAt = null, autoplay = true } = {}) {
    this.#windows = windows;
    const target = startAt === null ? 0 : Math.max(0, startAt);
    const window = await windows.open(target);
    this.#duration = windows.duration;
    await this.#build(window);
    if (this.#state === PlayerState.ERROR) {
      return;
    }
    if (startAt !== null) {
      const offset = clamp(startAt, 0, this.#duration);
      this.#arrive(offset, autoplay);
    } else if (autoplay) {
      this.#playFrom(0);
    } else {
      this.#position = 0;
      this.#setState(PlayerState.READY);
    }
  }

  /** Puts the player in the error state; `error` is a ProblemError or any Error. */
  fail(error) {
    this.#error = error;
    if (this.#replayer && this.#state === PlayerState.PLAYING) {
      this.#replayer.pause();
    }
    this.#stopTicking();
    this.#setMoving(false);
    this.#setState(PlayerState.ERROR);
  }

  play() {
    if (!this.canPlay || this.#state === PlayerState.PLAYING) {
      return;
    }
    const from = this.#position >= this.#duration ? 0 : this.#position;
    this.#moveTo(from, true);
  }

  pause() {
    if (this.#state !== PlayerState.PLAYING) {
      return;
    }
    this.#position = this.currentTime;
    this.#moves++;
    this.#setMoving(false);
    this.#replayer.pause();
    this.#stopTicking();
    this.#setState(PlayerState.PAUSED);
  }

  toggle() {
    if (this.#state === PlayerState.PLAYING) {
      this.pause();
    } else {
      this.play();
    }
  }

  /** Moves to `offset` ms; keeps playing if playing, otherwise shows that moment paused. */
  seek(offset) {
    if (!this.canPlay) {
      return;
    }
    const target = clamp(offset, 0, this.#duration);
    this.#moveTo(target, this.#state === PlayerState.PLAYING, () => this.dispatchEvent(new Event('seeked')));
  }

  setSpeed(speed) {
    if (!(speed > 0)) {
      return;
    }
    this.#speed = speed;
    this.#replayer?.setConfig({ speed });
    this.dispatchEvent(new Event('speedchange'));
  }

  /**
   * For a session still being recorded: once every loaded event is played up to the loaded end,
   * loads what was recorded since and lengthens the session by it (a 'durationchange' event).
   * Resolves to whether the session grew.
   */
  async catchUp() {
    if (!this.#replayer || this.#fetching || !this.#complete()) {
      return false;
    }
    const replayer = this.#replayer;
    const before = this.#duration;
    this.#fetching = this.#windows.next(this.#until).finally(() => {
      this.#fetching = null;
    });
    const { events, until } = await this.#fetching;
    if (replayer !== this.#replayer) {
      return false;
    }
    for (const event of events) {
      replayer.addEvent(event);
    }
    this.#until = Math.max(this.#until, until);
    this.#duration = Math.max(this.#duration, this.#windows.duration);
    if (this.#duration <= before) {
      return false;
    }
    this.dispatchEvent(new Event('durationchange'));
    return true;
  }

  // Shows or plays `target`: at once when the loaded events cover it, otherwise after loading the
  // window of its keyframe into a new replayer. Only the latest move completes.
  #moveTo(target, playing, done = () => {}) {
    const move = ++this.#moves;
    this.#position = target;
    if (this.#covers(target)) {
      this.#setMoving(false);
      this.#arrive(target, playing);
      done();
      return;
    }
    this.#setMoving(true);
    if (this.#state === PlayerState.PLAYING) {
      this.#replayer.pause();
    }
    this.#windows
      .open(target)
      .then(async (window) => {
        if (move !== this.#moves) {
          return;
        }
        await this.#build(window);
        if (move !== this.#moves || this.#state === PlayerState.ERROR) {
          return;
        }
        this.#setMoving(false);
        this.#arrive(target, playing);
        done();
      })
      .catch((error) => this.fail(error));
  }

  #arrive(target, playing) {
    if (playing) {
      this.#playFrom(target);
    } else {
      this.#showAt(target);
      this.#setState(PlayerState.PAUSED);
    }
    performance.mark('replay:shown', { detail: target });
    requestAnimationFrame(() => performance.mark('replay:drawn', { detail: target }));
  }

  // The replayer can reach `target` quickly when it has the events up to it and they start at
  // most a window or two before it.
  #covers(target) {
    return this.#replayer !== null && target >= this.#base && (target <= this.#until || this.#complete())
      && target - this.#base <= 2 * WINDOW_MS;
  }

  #complete() {
    return this.#windows.isComplete(this.#until);
  }

  // Replaces the replayer with one for a window's events and waits for its first frame.
  async #build(window) {
    const firstSnapshot = checkPlayable(window.events);
    const events = window.events;
    const started = performance.now();
    this.#replayer?.destroy();
    performance.measure('replay:destroy', { start: started });
    const replayer = new Replayer(events, {
      root: this.#root,
      speed: this.#speed,
      showWarning: false,
      // Canvases are drawn by the player (canvas-frames.js): rrweb's own canvas replay would need
      // scripts in the replayed page.
      UNSAFE_replayCanvas: false,
      plugins: [canvasFramesPlugin()],
      mouseTail: false,
      // Replaying a recorded focus would move the viewer's focus into the replayed page, where the
      // player's keyboard shortcuts no longer hear the keys.
      triggerFocus: false,
      insertStyleRules: REPLAYED_PAGE_STYLES,
    });
    this.#styles.share(replayer);
    keepKeysFromFrame(replayer);
    this.#replayer = replayer;
    const built = performance.now();
    performance.measure('replay:replayer', { start: started, end: built });
    this.#base = events[0].timestamp - this.#windows.sessionStart;
    this.#until = window.until;
    this.#firstFrameAt = Math.min(replayer.getMetaData().totalTime, firstSnapshot.timestamp - events[0].timestamp + 1);
    replayer.on('resize', ({ width, height }) => {
      this.dispatchEvent(new CustomEvent('resize', { detail: { wrapper: replayer.wrapper, width, height } }));
    });
    replayer.on('finish', () => {
      if (replayer === this.#replayer) {
        this.#finished();
      }
    });
    // rrweb draws the first full snapshot (and reports the first size) on timers of its own;
    // positioning after them keeps those timers from undoing a later size or frame.
    await firstFrame(replayer);
    performance.measure('replay:rebuild', { start: built });
  }

  #playFrom(offset) {
    this.#position = offset;
    this.#replayer.play(Math.max(0, offset - this.#base));
    this.#setState(PlayerState.PLAYING);
    this.#startTicking();
  }

  // Applies every event before `offset` and stops there. Before the first full snapshot there is
  // nothing to draw, so the first frame is shown; at the very end, one millisecond more lets the
  // last event (whose timestamp is the end) be applied too.
  #showAt(offset) {
    this.#position = offset;
    const local = offset - this.#base;
    const end = this.#replayer.getMetaData().totalTime;
    const renderAt = offset >= this.#duration || local >= end ? end + 1 : Math.max(local, this.#firstFrameAt);
    const started = performance.now();
    this.#replayer.pause(renderAt);
    const reached = performance.now();
    performance.measure('replay:to-moment', { start: started, end: reached });
    this.#settlePage();
    performance.measure('replay:settle', { start: reached });
  }

  // While playing, the next window is fetched well before the loaded events run out.
  #startTicking() {
    if (this.#ticker) {
      return;
    }
    this.#ticker = setInterval(() => {
      if (this.#state !== PlayerState.PLAYING || this.#moving) {
        return;
      }
      if (this.currentTime + PREFETCH_AHEAD_MS * this.#speed >= this.#until) {
        this.#fetchNext().catch(() => {});
      }
    }, 500);
  }

  #stopTicking() {
    clearInterval(this.#ticker);
    this.#ticker = 0;
  }

  // Appends the next window's events to the replayer.
  #fetchNext() {
    if (this.#fetching || this.#complete()) {
      return this.#fetching ?? Promise.resolve();
    }
    const replayer = this.#replayer;
    this.#fetching = this.#windows
      .next(this.#until)
      .then(({ events, until }) => {
        if (replayer !== this.#replayer) {
          return;
        }
        for (const event of events) {
          replayer.addEvent(event);
        }
        this.#until = until;
        this.#duration = Math.max(this.#duration, this.#windows.duration);
      })
      .finally(() => {
        this.#fetching = null;
      });
    return this.#fetching;
  }

  // A jump rebuilds the page and pauses it at once, so CSS animations of elements that appeared
  // shortly before the target stay frozen at their first frame (a fade-in view shows nothing).
  // Finite animations are finished instead: they would have ended by then or soon after, and
  // their end state is the closest to what the viewer saw. Infinite ones (spinners) stay paused.
  #settlePage() {
    const doc = this.#replayer.iframe?.contentDocument;
    if (!doc || typeof doc.getAnimations !== 'function') {
      return;
    }
    for (const animation of doc.getAnimations()) {
      const timing = animation.effect?.getComputedTiming();
      if (timing && Number.isFinite(timing.endTime)) {
        animation.finish();
      }
    }
  }

  #finished() {
    if (this.#state !== PlayerState.PLAYING || this.#moving) {
      return;
    }
    const now = this.#replayer.getCurrentTime() + this.#base;
    if (!this.#complete()) {
      // The loaded events ran out before the next window arrived: load it and carry on.
      const move = this.#moves;
      this.#fetchNext()
        .then(() => {
          if (move === this.#moves && this.#state === PlayerState.PLAYING) {
            this.#replayer.play(Math.max(0, now - this.#base));
          }
        })
        .catch((error) => this.fail(error));
      return;
    }
    if (now < this.#duration - END_TOLERANCE_MS) {
      // A late 'finish' from an earlier jump to the end stopped the replayer: carry on.
      this.#replayer.play(now - this.#base);
      return;
    }
    this.#position = this.#duration;
    this.#stopTicking();
    this.#setState(PlayerState.PAUSED);
  }

  #setMoving(moving) {
    if (this.#moving !== moving) {
      this.#moving = moving;
      this.dispatchEvent(new Event('waitingchange'));
    }
  }

  #setState(state) {
    if (this.#state === state) {
      return;
    }
    this.#state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}

function checkPlayable(events) {
  if (!Array.isArray(events) || events.length < 2) {
    throw new ProblemError({ title: 'Nothing to play', detail: 'This session has no recorded events yet.' });
  }
  const firstSnapshot = events.find((event) => event && event.type === EventType.FullSnapshot);
  if (!firstSnapshot) {
    throw new ProblemError({
      title: 'Recording cannot be played',
      detail: 'The recording has no full snapshot of the page, so there is nothing to draw.',
    });
  }
  if (!events.some((event) => event && event.type === EventType.Meta)) {
    throw new ProblemError({
      title: 'Recording cannot be played',
      detail: 'The recording does not say the size of the recorded page.',
    });
  }
  return firstSnapshot;
}

function clamp(value, min, max) {
  return Math.min(max, Math.max(min, value));
}
