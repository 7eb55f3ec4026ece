// What the player page shows around the replay (markers, the event list, developer tools) waits
// until the moment asked for has been painted: building it for a long session takes the main
// thread for a while, and the viewer came for the moment. A long build goes in slices that give
// way to a seek (see inSlices).

import { PlayerState } from './state.js';

/** Resolves after the browser has painted the next frame. */
export function afterNextPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });
}

/** Resolves once the player has left its loading state (shown a moment, or failed) and painted it. */
export function afterFirstMoment(controller) {
  const left = controller.state !== PlayerState.LOADING
    ? Promise.resolve()
    : new Promise((resolve) => {
      const check = () => {
        if (controller.state !== PlayerState.LOADING) {
          controller.removeEventListener('statechange', check);
          resolve();
        }
      };
      controller.addEventListener('statechange', check);
    });
  return left.then(afterNextPaint);
}

// How long one slice of a long build may hold the main thread.
const SLICE_MS = 8;

/**
 * Calls `step(i)` for every `i` below `count`, a few milliseconds' worth at a time. Between slices
 * the browser paints and runs what else waits (at a lower priority than anything else where the
 * browser can say so); while the player moves to a far moment (`controller.waiting`), the slices
 * wait until that moment is painted, so that a seek never waits for the panels around the replay.
 * `cancelled()` stops the work between slices. Resolves to whether every step ran.
 */
export async function inSlices(controller, count, step, { cancelled = () => false, sliceMs = SLICE_MS } = {}) {
  let next = 0;
  while (next < count) {
    if (next > 0) {
      await giveWay();
    }
    while (controller.waiting) {
      await afterMove(controller);
    }
    if (cancelled()) {
      return false;
    }
    const started = performance.now();
    do {
      step(next);
      next++;
    } while (next < count && performance.now() - started < sliceMs);
  }
  return !cancelled();
}

// Lets the browser run everything else that waits before the next slice.
function giveWay() {
  const scheduler = globalThis.scheduler;
  if (typeof scheduler?.postTask === 'function') {
    return scheduler.postTask(() => {}, { priority: 'background' });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// Resolves once the player no longer moves and has painted where it arrived.
function afterMove(controller) {
  return new Promise((resolve) => {
    const check = () => {
      if (!controller.waiting) {
        controller.removeEventListener('waitingchange', check);
        resolve();
      }
    };
    controller.addEventListener('waitingchange', check);
    check();
  }).then(afterNextPaint);
}
