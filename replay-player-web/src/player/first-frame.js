// When rrweb's Replayer draws its first full snapshot: waiting for it (firstFrame), or having it
// drawn at once (createAtOnce).

const FIRST_FRAME_TIMEOUT_MS = 2000;

/**
 * Resolves once the replayer has rebuilt a full snapshot and finished the task that drew it
 * (rrweb scrolls the page after announcing it), or after FIRST_FRAME_TIMEOUT_MS. It resolves
 * within that task, before the browser renders a frame: whoever positions the replayer then does
 * so before the browser spends a frame on the snapshot alone.
 * @param {import('rrweb').Replayer} replayer
 * @returns {Promise<void>}
 */
export function firstFrame(replayer) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      replayer.off('fullsnapshot-rebuilded', done);
      // Resolve once the rest of rrweb's task has run, and before any other task.
      queueMicrotask(resolve);
    };
    const timer = setTimeout(done, FIRST_FRAME_TIMEOUT_MS);
    replayer.on('fullsnapshot-rebuilded', done);
  });
}

/**
 * Creates a Replayer with `create()` and returns it with `start()`, which runs what rrweb's
 * constructor leaves for later (it reports the recorded size and draws the first full snapshot on
 * timers of 0 and 1 ms) at once, in the order rrweb asked for it. Whoever listens to the replayer
 * does so before `start()`, whoever positions it right after: the browser never spends a task or a
 * frame on the empty replayer or the bare snapshot in between, and no timer of rrweb's comes later
 * to undo a size or a frame. Longer timers are left to the browser.
 * @param {() => import('rrweb').Replayer} create
 * @returns {{ replayer: import('rrweb').Replayer, start: () => void }}
 */
export function createAtOnce(create, platform = globalThis) {
  const pending = [];
  const setTimeout = platform.setTimeout;
  platform.setTimeout = (callback, delay = 0, ...args) => {
    if (typeof callback !== 'function' || delay > 1) {
      return setTimeout.call(platform, callback, delay, ...args);
    }
    pending.push(() => callback(...args));
    return 0;
  };
  let replayer;
  try {
    replayer = create();
  } finally {
    platform.setTimeout = setTimeout;
  }
  return {
    replayer,
    start() {
      for (const run of pending.splice(0)) {
        try {
          run();
        } catch (error) {
          // as the browser reports an error thrown by a timer, and goes on with the next one
          platform.reportError?.(error);
        }
      }
    },
  };
}
