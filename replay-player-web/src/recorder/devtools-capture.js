// What the player's developer tools show for sites recorded with this script: console messages,
// unhandled errors and unhandled promise rejections (rrweb's console plugin, as rrweb plugin
// events "rrweb/console@1"), in-page navigations (custom events tagged "navigation" with the
// new URL), and requests, clicks and long tasks (custom events tagged "replay.resource",
// "replay.action" and "replay.long_task"; see network-capture.js and action-capture.js), with one
// "replay.capture" event after each full snapshot that says which of these kinds this recorder
// captures. They travel in the rrweb stream; the server lists them at /api/v1/sessions/{id}/rum.

import { getRecordConsolePlugin } from '@rrweb/rrweb-plugin-console-record';

/** The rrweb record() plugins that capture console messages and unhandled errors. */
export function devtoolsPlugins() {
  return [
    getRecordConsolePlugin({
      level: ['error', 'warn', 'info', 'log', 'debug', 'assert'],
      // at most this many messages per page, so that a chatty page cannot flood the upload
      lengthThreshold: 500,
      stringifyOptions: { stringLengthLimit: 1000, numOfKeysLimit: 50, depthOfLimit: 2 },
    }),
  ];
}

/**
 * Calls `emit(url, kind)` when the page's URL changes without a page load (History API, back and
 * forward, hash changes). Returns a function that stops watching.
 */
export function watchNavigation(emit) {
  let last = location.href;
  const changed = (kind) => {
    if (location.href !== last) {
      last = location.href;
      emit(last, kind);
    }
  };
  const originals = {};
  for (const method of ['pushState', 'replaceState']) {
    const original = history[method];
    originals[method] = original;
    history[method] = function patched(...args) {
      const result = original.apply(this, args);
      changed(method);
      return result;
    };
  }
  const onPop = () => changed('popstate');
  const onHash = () => changed('hashchange');
  window.addEventListener('popstate', onPop);
  window.addEventListener('hashchange', onHash);
  return () => {
    for (const [method, original] of Object.entries(originals)) {
      history[method] = original;
    }
    window.removeEventListener('popstate', onPop);
    window.removeEventListener('hashchange', onHash);
  };
}

/** At most this many long tasks are recorded per page load. */
export const MAX_LONG_TASKS_PER_PAGE = 500;

/** Whether this browser reports long tasks (PerformanceObserver's "longtask" entries). */
export function longTasksSupported(win = window) {
  return (win.PerformanceObserver?.supportedEntryTypes ?? []).includes('longtask');
}

/**
 * Calls `emit({startTime, duration})` for each task that kept the main thread busy for more than
 * 50 ms, from the page's start (startTime in epoch milliseconds, duration in milliseconds).
 * Returns a function that stops watching.
 */
export function watchLongTasks(emit, win = window) {
  if (!longTasksSupported(win)) {
    return () => {};
  }
  let count = 0;
  const observer = new win.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (count >= MAX_LONG_TASKS_PER_PAGE) {
        return;
      }
      count++;
      emit({
        startTime: Math.round(win.performance.timeOrigin + entry.startTime),
        duration: Math.round(entry.duration * 10) / 10,
      });
    }
  });
  try {
    observer.observe({ type: 'longtask', buffered: true });
  } catch (error) {
    return () => {};
  }
  return () => observer.disconnect();
}
