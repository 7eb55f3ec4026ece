package dev.replay.core.segment;

/**
 * What a segment holds, computed while it is read: its time range, how many events it
 * carries and whether it can start a replay on its own.
 *
 * @param firstTimestamp epoch milliseconds of the earliest event
 * @param lastTimestamp epoch milliseconds of the latest event
 * @param eventCount number of events, at least one
 * @param hasFullSnapshot whether the segment contains a full DOM snapshot
 */
public record SegmentSummary(long firstTimestamp, long lastTimestamp, int eventCount, boolean hasFullSnapshot) {

	public SegmentSummary {
		if (eventCount < 1) {
			throw new IllegalArgumentException("'eventCount' must be positive");
		}
		if (lastTimestamp < firstTimestamp) {
			throw new IllegalArgumentException("'lastTimestamp' must not be before 'firstTimestamp'");
		}
	}

}
