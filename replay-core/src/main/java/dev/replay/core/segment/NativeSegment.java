package dev.replay.core.segment;

import org.jspecify.annotations.Nullable;

/**
 * A batch of rrweb events as our recorder script sends it, with the facts read from it.
 *
 * @param applicationId the application the recording belongs to, as sent
 * @param viewId the page view that produced the batch, if the recorder sent one
 * @param sequence the batch number within the session, from 0
 * @param summary time range and counts of the events
 * @param context the page and user the recorder described, never {@code null}
 */
public record NativeSegment(String applicationId, @Nullable String viewId, int sequence, SegmentSummary summary,
		RecordingContext context) {

}
