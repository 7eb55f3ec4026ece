package dev.replay.core.segment;

import org.jspecify.annotations.Nullable;

/**
 * The metadata a Datadog SDK sends next to a segment, in the {@code event} part of the
 * upload.
 *
 * @param applicationId {@code application.id}
 * @param sessionId {@code session.id}
 * @param viewId {@code view.id}
 * @param start epoch milliseconds of the earliest record
 * @param end epoch milliseconds of the latest record
 * @param recordsCount how many records the segment holds
 * @param hasFullSnapshot whether the SDK says a record is a full snapshot
 * @param source {@code browser}, {@code android}, {@code ios}, {@code flutter}...
 * @param indexInView the segment's position in its view, browser only
 */
public record DatadogSegmentMetadata(String applicationId, String sessionId, String viewId, long start, long end,
		int recordsCount, boolean hasFullSnapshot, String source, @Nullable Integer indexInView) {

}
