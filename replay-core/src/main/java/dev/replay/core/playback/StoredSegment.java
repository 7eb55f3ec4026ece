package dev.replay.core.playback;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.SegmentFormat;

/**
 * A segment as stored: its bytes, still compressed, and what reading them needs.
 *
 * @param id the segment's id, for messages
 * @param firstTimestamp epoch milliseconds of its earliest event
 * @param format the format of its bytes
 * @param encoding how its bytes are compressed
 * @param body the bytes
 */
public record StoredSegment(long id, long firstTimestamp, SegmentFormat format, ContentEncoding encoding, byte[] body) {

}
