// What the player page shows around the replay (markers, the event list, developer tools) waits
// until the moment asked for has been painted: building it for a long session takes the main
// thread for a while, and the viewer came for the moment.

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
