// The page sizes a window's events record, so that the player can report the size at a moment it
// draws at once.

// rrweb's event types and incremental sources, as numbers: this module runs without rrweb
const META = 4;
const INCREMENTAL_SNAPSHOT = 3;
const VIEWPORT_RESIZE = 4;

/** The page sizes that events record (Meta events and viewport resizes), in time order. */
export function recordedSizes(events) {
  const sizes = [];
  for (const event of events) {
    const resized = event.type === META || (event.type === INCREMENTAL_SNAPSHOT && event.data?.source === VIEWPORT_RESIZE);
    if (resized && event.data.width > 0 && event.data.height > 0) {
      sizes.push({ timestamp: event.timestamp, width: event.data.width, height: event.data.height });
    }
  }
  return sizes;
}

/** The last recorded size at or before `timestamp`, or the first one when none is before it. */
export function sizeAt(sizes, timestamp) {
  let found = sizes[0] ?? null;
  for (const size of sizes) {
    if (size.timestamp > timestamp) {
      break;
    }
    found = size;
  }
  return found && { width: found.width, height: found.height };
}
