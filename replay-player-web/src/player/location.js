// Reads what the player should show from its address: /replays/{sessionId}?t=<ms>&autoplay=0

const SESSION_PATH = /\/replays\/([^/]+)\/?$/;

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

function parseOffset(value) {
  if (value === null || value.trim() === '') {
    return null;
  }
  const offset = Number(value);
  return Number.isFinite(offset) && offset >= 0 ? Math.floor(offset) : null;
}

function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    return null;
  }
}
