// Session thumbnails: the first keyframe of a session drawn by rrweb's Replayer, paused, inside
// the sandboxed iframe rrweb creates (no recorded script runs). The events come from the
// preview window of the playback API (`preview=true`), which is never counted as a playback.
// Thumbnails are drawn only when their row scrolls into view, two at a time.

import { EventType } from 'rrweb';
import { drawStill } from '../player/still-frame.js';
import { request } from '../shared/http.js';

const CONCURRENCY = 2;

const queue = [];
let running = 0;

const observer = new IntersectionObserver(
  (entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        observer.unobserve(entry.target);
        queue.push(entry.target);
      }
    }
    drain();
  },
  { rootMargin: '200px' },
);

/** A placeholder that turns into the session's thumbnail once it is visible. */
export function thumbnailFor(sessionId) {
  const frame = document.createElement('div');
  frame.className = 'thumbnail';
  frame.dataset.sessionId = sessionId;
  frame.dataset.state = 'pending';
  frame.setAttribute('aria-hidden', 'true');
  observer.observe(frame);
  return frame;
}

function drain() {
  while (running < CONCURRENCY && queue.length > 0) {
    const frame = queue.shift();
    if (!frame.isConnected) {
      continue;
    }
    running += 1;
    draw(frame)
      .catch(() => {
        frame.dataset.state = 'unavailable';
      })
      .finally(() => {
        running -= 1;
        drain();
      });
  }
}

async function draw(frame) {
  const response = await request(`/api/v1/sessions/${encodeURIComponent(frame.dataset.sessionId)}/events`, {
    query: { preview: true, from: 0, to: 1000 },
  });
  const events = firstKeyframe(await response.json());
  if (!events) {
    frame.dataset.state = 'unavailable';
    return;
  }
  drawStill(frame, events);
  frame.dataset.state = 'ready';
}

/** The events up to the first full snapshot, with the meta event before it; null without one. */
function firstKeyframe(events) {
  if (!Array.isArray(events)) {
    return null;
  }
  const snapshot = events.findIndex((event) => event && event.type === EventType.FullSnapshot);
  if (snapshot < 0 || !events.slice(0, snapshot).some((event) => event && event.type === EventType.Meta)) {
    return null;
  }
  return events.slice(0, snapshot + 1);
}
