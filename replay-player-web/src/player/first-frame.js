// Waits until rrweb's Replayer has drawn a full snapshot, or gives up after a while.

const FIRST_FRAME_TIMEOUT_MS = 2000;

/**
 * Resolves once the replayer has rebuilt a full snapshot and finished the task that drew
 * it, or after FIRST_FRAME_TIMEOUT_MS.
 * @param {import('rrweb').Replayer} replayer
 * @returns {Promise<void>}
 */
export function firstFrame(replayer) {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      replayer.off('fullsnapshot-rebuilded', done);
      // Resolve once rrweb has finished the task that drew the frame.
      setTimeout(resolve, 0);
    };
    const timer = setTimeout(done, FIRST_FRAME_TIMEOUT_MS);
    replayer.on('fullsnapshot-rebuilded', done);
  });
}
