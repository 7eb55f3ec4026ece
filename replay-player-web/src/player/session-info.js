// What the player shows around the replay: the session's source decides whether the replay sits
// in a device frame.

const MOBILE_SOURCES = new Set(['android', 'ios', 'react-native', 'flutter', 'kotlin-multiplatform']);

/** Fetches the session's summary; resolves to null when it cannot be read. */
export async function describeSession(sessionId) {
  try {
    const response = await fetch(`/api/v1/sessions/${encodeURIComponent(sessionId)}`, {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** Whether a session recorded by this source is a mobile app's. */
export function isMobileSource(source) {
  return MOBILE_SOURCES.has(source);
}
