package dev.replay.core.segment;

import org.jspecify.annotations.Nullable;

/**
 * What a Datadog replay segment says about itself, read from its JSON: the ids and
 * figures of its metadata and the figures of the records it really holds.
 *
 * @param applicationId {@code application.id}, if present
 * @param sessionId {@code session.id}, if present
 * @param viewId {@code view.id}, if present
 * @param start {@code start}, if present
 * @param end {@code end}, if present
 * @param recordsCount {@code records_count}, if present
 * @param summary the time range and count of the records, and whether one is a full
 * snapshot
 * @param href the page URL of the first Meta record that has one
 */
public record DatadogSegment(@Nullable String applicationId, @Nullable String sessionId, @Nullable String viewId,
		@Nullable Long start, @Nullable Long end, @Nullable Integer recordsCount, SegmentSummary summary,
		@Nullable String href) {

}
