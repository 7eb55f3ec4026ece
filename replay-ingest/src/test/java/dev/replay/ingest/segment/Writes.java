package dev.replay.ingest.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;

/**
 * Writes for the group commit's unit tests, made without a request or a database.
 */
final class Writes {

	static final UUID APPLICATION = UUID.fromString("0a0b0c0d-1111-4222-8333-444455556666");

	private Writes() {
	}

	/**
	 * A write without a request id.
	 * @param sessionId the session of its segments
	 * @param dedupKeys one segment for each key
	 * @return the write, waiting for its commit
	 */
	static PendingWrite of(String sessionId, String... dedupKeys) {
		return new PendingWrite(SegmentWrite.of(segments(sessionId, 10, dedupKeys)));
	}

	/**
	 * A write with a request id.
	 * @param requestId the request id
	 * @param sessionId the session of its segments
	 * @param dedupKeys one segment for each key
	 * @return the write, waiting for its commit
	 */
	static PendingWrite request(String requestId, String sessionId, String... dedupKeys) {
		return new PendingWrite(new SegmentWrite(APPLICATION, requestId, segments(sessionId, 10, dedupKeys)));
	}

	/**
	 * A write of one segment with a body of a given size.
	 * @param sessionId the session
	 * @param bodyBytes the size of the segment's body
	 * @return the write, waiting for its commit
	 */
	static PendingWrite sized(String sessionId, int bodyBytes) {
		return new PendingWrite(SegmentWrite.of(segments(sessionId, bodyBytes, "seq:0")));
	}

	private static List<NewSegment> segments(String sessionId, int bodyBytes, String... dedupKeys) {
		List<NewSegment> segments = new ArrayList<>();
		for (String key : dedupKeys) {
			segments.add(new NewSegment(sessionId, APPLICATION, "browser", key, null, null, "rrweb",
					ContentEncoding.GZIP, new SegmentSummary(1_700_000_000_000L, 1_700_000_001_000L, 2, false),
					RecordingContext.EMPTY, bodyBytes, new byte[bodyBytes]));
		}
		return segments;
	}

}
