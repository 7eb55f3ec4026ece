// What the player shows around the replay: the session's source decides whether the replay sits
// in a device frame.

const MOBILE_SOURCES = new Set(['android', 'ios', 'react-native', 'flutter', 'kotlin-multiplatform']);

/** Whether a session recorded by this source is a mobile app's. */
export function isMobileSource(source) {
  return MOBILE_SOURCES.has(source);
}
