// A still of a recorded page: rrweb's Replayer, paused at a moment, inside the sandboxed iframe
// rrweb creates (no recorded script runs), scaled to fit its frame. Session thumbnails and the
// timeline's hover preview draw with it.

import { EventType, Replayer } from 'rrweb';
import { canvasFramesPlugin } from './canvas-frames.js';
import { REPLAYED_PAGE_STYLES } from './replayed-page.js';

/**
 * Draws `events` (starting with a meta event and a full snapshot) into `frame` as the page was at
 * `timestamp` (epoch ms; the last event's when null), and returns the replayer, for `destroy()`.
 */
export function drawStill(frame, events, timestamp = null) {
  const meta = events.find((event) => event.type === EventType.Meta);
  const width = meta?.data?.width || 1280;
  const height = meta?.data?.height || 800;
  const replayer = new Replayer(events, {
    root: frame,
    mouseTail: false,
    triggerFocus: false,
    showWarning: false,
    showDebug: false,
    UNSAFE_replayCanvas: false,
    plugins: [canvasFramesPlugin()],
    insertStyleRules: REPLAYED_PAGE_STYLES,
  });
  const at = timestamp ?? events[events.length - 1].timestamp;
  replayer.pause(Math.max(0, at - events[0].timestamp));
  const iframe = frame.querySelector('iframe');
  if (iframe) {
    iframe.setAttribute('tabindex', '-1');
    iframe.setAttribute('title', 'Session preview');
  }
  const wrapper = frame.querySelector('.replayer-wrapper');
  if (wrapper) {
    const scale = Math.min(frame.clientWidth / width, frame.clientHeight / height);
    wrapper.style.transform = `scale(${scale})`;
  }
  return replayer;
}
