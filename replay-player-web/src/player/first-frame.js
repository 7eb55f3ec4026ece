// Waits until rrweb's Replayer has drawn a full snapshot, or gives up after a while.

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
