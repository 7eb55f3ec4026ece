package dev.replay.core.timeline;

import java.io.IOException;
import java.util.List;

/**
 * A segment whose events are read only when the merge reaches its first timestamp.
 */
public interface SegmentEvents {

	/**
	 * The epoch milliseconds of the segment's earliest event, known without reading it.
	 * @return the first timestamp
	 */
	long firstTimestamp();

	/**
	 * Read the segment's events.
	 * @return the events in the order they were recorded, never {@code null}
	 * @throws IOException if the stored bytes cannot be read
	 */
	List<RawEvent> read() throws IOException;

}
