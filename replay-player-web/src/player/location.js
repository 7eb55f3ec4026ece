// Reads what the player should show from its address: /replays/{sessionId}?t=<time>&autoplay=0,
// where the time is milliseconds from the session start (`t=83000`) or a duration such as
// `t=1m23s`, `t=83s` or `t=1h2m3.5s`; and writes the address of a moment for sharing.

const SESSION_PATH = /\/replays\/([^/]+)\/?$/;

const DURATION = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/**
 * @returns {{sessionId: string | null, startAt: number | null, autoplay: boolean}}
 */
export function readPlayerLocation(location) {
  const match = SESSION_PATH.exec(location.pathname);
  const params = new URLSearchParams(location.search);
  return {
    sessionId: match ? safeDecode(match[1]) : null,
    startAt: parseOffset(params.get('t')),
    autoplay: params.get('autoplay') !== '0',
  };
}

/** Parses a `t` value: milliseconds, or hours, minutes and seconds (`1h2m3s`); null if invalid. */
export function parseOffset(value) {
  if (value === null || value === undefined || value.trim() === '') {
    return null;
  }
  const text = value.trim().toLowerCase();
  if (/^\d+(?:\.\d+)?$/.test(text)) {
    return Math.floor(Number(text));
  }
  const parts = DURATION.exec(text);
  if (!parts) {
    return null;
  }
  const [hours, minutes, seconds] = parts.slice(1).map((part) => Number(part ?? 0));
  return Math.floor(((hours * 60 + minutes) * 60 + seconds) * 1000);
}

/** Formats an offset as a `t` value that people can read: `1m23s`, `2h0m5s`, `0s`. */
export function formatOffset(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) {
    return `${hours}h${minutes}m${seconds}s`;
  }
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}

/** The absolute address that opens a session's player at `ms`. */
export function momentUrl(sessionId, ms, origin = window.location.origin) {
  return `${origin}/replays/${encodeURIComponent(sessionId)}?t=${formatOffset(ms)}`;
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    return null;
  }
}
