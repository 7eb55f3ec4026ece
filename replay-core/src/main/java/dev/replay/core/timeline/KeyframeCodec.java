package dev.replay.core.timeline;

import java.util.List;

import dev.replay.core.dom.PageSnapshot;
import dev.replay.core.event.RecordingEvent;

/**
 * The wire format side of keyframes, implemented in {@code core.rrweb}: reading events
 * and writing page snapshots.
 */
public interface KeyframeCodec {

	/**
	 * Read an event.
	 * @param event the stored event
	 * @return the typed event, never {@code null}
	 */
	RecordingEvent decode(RawEvent event);

	/**
	 * Write a snapshot as events.
	 * @param snapshot the page state
	 * @param timestamp the timestamp of the events
	 * @return the events, Meta first
	 */
	List<RawEvent> encode(PageSnapshot snapshot, long timestamp);

}
