package dev.replay.ingest.segment;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The segments of one request, written all or nothing, and the request id that makes a
 * retry of the request recognisable.
 *
 * @param requestApplicationId the application the request id belongs to, or {@code null}
 * when the request has no id
 * @param requestId the id the client gave the request, or {@code null}
 * @param segments the segments, at least one
 */
public record SegmentWrite(@Nullable UUID requestApplicationId, @Nullable String requestId, List<NewSegment> segments) {

	/**
	 * A write without a request id.
	 * @param segments the segments
	 * @return the write
	 */
	public static SegmentWrite of(List<NewSegment> segments) {
		return new SegmentWrite(null, null, segments);
	}

	/**
	 * Whether the write claims a request id.
	 * @return {@code true} if it has one
	 */
	boolean claimsRequest() {
		return this.requestApplicationId != null && this.requestId != null;
	}

}
