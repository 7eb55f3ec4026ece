package dev.replay.core.playback;

import dev.replay.core.timeline.Keyframe;
import dev.replay.core.timeline.RawEvent;

/**
 * The events of a merged stream taken so far: how many, and how many at the latest
 * timestamp and at the one before, which is what tells how many events at a keyframe's
 * timestamp the keyframe includes.
 */
final class StreamPosition {

	private long events;

	private long lastTimestamp = Long.MIN_VALUE;

	private int atLastTimestamp;

	private long previousTimestamp = Long.MIN_VALUE;

	private int atPreviousTimestamp;

	void taken(RawEvent event) {
		if (event.timestamp() != this.lastTimestamp) {
			this.previousTimestamp = this.lastTimestamp;
			this.atPreviousTimestamp = this.atLastTimestamp;
			this.lastTimestamp = event.timestamp();
			this.atLastTimestamp = 0;
		}
		this.atLastTimestamp++;
		this.events++;
	}

	long events() {
		return this.events;
	}

	/**
	 * How many events at a keyframe's timestamp it includes. A keyframe includes the
	 * events before its next event index: all of those taken, or all but the last, when
	 * the last made it due.
	 * @param keyframe a keyframe written after the events taken so far, or just before
	 * the last of them
	 * @return the count, which {@link Playback} skips at the keyframe's timestamp
	 */
	int includedAt(Keyframe keyframe) {
		long excluded = this.events - keyframe.nextEventIndex();
		if (excluded == 0) {
			return (keyframe.timestamp() == this.lastTimestamp) ? this.atLastTimestamp : 0;
		}
		if (this.atLastTimestamp > 1) {
			return (keyframe.timestamp() == this.lastTimestamp) ? this.atLastTimestamp - 1 : 0;
		}
		return (keyframe.timestamp() == this.previousTimestamp) ? this.atPreviousTimestamp : 0;
	}

}
