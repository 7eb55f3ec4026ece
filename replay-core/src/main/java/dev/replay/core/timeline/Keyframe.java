package dev.replay.core.timeline;

import java.util.List;
import java.util.Objects;

/**
 * The page state at one moment of a session as rrweb events (a Meta, a FullSnapshot and
 * the incremental events a full snapshot cannot carry, all at {@link #timestamp()}), so
 * that a player can start there and play the events from {@link #nextEventIndex()} on.
 *
 * @param offset milliseconds from the session's first event
 * @param timestamp epoch milliseconds: the timestamp of the last event the state includes
 * @param nextEventIndex the index, in the session's merged stream, of the first event the
 * state does not include
 * @param events the events, Meta first
 */
public record Keyframe(long offset, long timestamp, long nextEventIndex, List<RawEvent> events) {

	public Keyframe {
		Objects.requireNonNull(events, "'events' must not be null");
		events = List.copyOf(events);
	}

	/**
	 * The epoch milliseconds of the session's first event.
	 * @return the session start
	 */
	public long sessionStart() {
		return this.timestamp - this.offset;
	}

	/**
	 * The number of bytes of the keyframe's events.
	 * @return the size
	 */
	public long size() {
		return this.events.stream().mapToLong((event) -> event.json().length).sum();
	}

}
