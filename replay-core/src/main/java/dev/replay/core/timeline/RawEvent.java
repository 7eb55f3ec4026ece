package dev.replay.core.timeline;

/**
 * One rrweb event kept as its JSON bytes, with the timestamp that orders it.
 *
 * @param timestamp epoch milliseconds
 * @param json the event as UTF-8 JSON, never modified
 */
public record RawEvent(long timestamp, byte[] json) {

}
