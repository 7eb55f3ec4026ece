package dev.replay.ingest.playback;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import dev.replay.core.privacy.InputMasker;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.SegmentEvents;
import dev.replay.core.timeline.TimelineMerger;
import dev.replay.ingest.timeline.StoredKeyframe;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The events that play a window of a session: the latest keyframe at or before the
 * window's start, then the events after it up to the window's end; or, without a
 * keyframe, the events from the session's start. Every event goes through the privacy
 * floor ({@link InputMasker}) before it is handed out. The segments before the keyframe
 * are not read at all when their format allows it.
 */
@NamedInterface("api")
public final class PlaybackWindow {

	private final long sessionStart;

	private final long sessionEnd;

	private final @Nullable StoredKeyframe keyframe;

	private final List<SegmentEvents> segments;

	private final long lastTimestamp;

	PlaybackWindow(long sessionStart, long sessionEnd, @Nullable StoredKeyframe keyframe, List<SegmentEvents> segments,
			long lastTimestamp) {
		this.sessionStart = sessionStart;
		this.sessionEnd = sessionEnd;
		this.keyframe = keyframe;
		this.segments = List.copyOf(segments);
		this.lastTimestamp = lastTimestamp;
	}

	/**
	 * Epoch milliseconds of the session's first event.
	 * @return the session start
	 */
	public long sessionStart() {
		return this.sessionStart;
	}

	/**
	 * Milliseconds from the session's first event to its last.
	 * @return the session's duration
	 */
	public long sessionDuration() {
		return this.sessionEnd - this.sessionStart;
	}

	/**
	 * Milliseconds from the session's start to the window's first event: the keyframe's
	 * offset, or 0.
	 * @return the offset
	 */
	public long windowStart() {
		return (this.keyframe != null) ? Math.max(0, this.keyframe.timestamp() - this.sessionStart) : 0;
	}

	/**
	 * Whether the window starts at a stored keyframe.
	 * @return {@code true} when it does
	 */
	public boolean startsAtKeyframe() {
		return this.keyframe != null;
	}

	/**
	 * The number of segments that the window reads.
	 * @return the count
	 */
	public int segmentCount() {
		return this.segments.size();
	}

	/**
	 * Emit the window's events in order, masked.
	 * @param sink receives the events
	 * @throws IOException if a segment cannot be read
	 */
	public void forEach(Consumer<RawEvent> sink) throws IOException {
		StoredKeyframe start = this.keyframe;
		if (start == null) {
			InputMasker masker = new InputMasker();
			new TimelineMerger(this.segments).forEachUntil(this.lastTimestamp,
					(event) -> sink.accept(masker.mask(event)));
			return;
		}
		InputMasker masker = new InputMasker(start.maskedValues());
		start.events().forEach((event) -> sink.accept(masker.mask(event)));
		int[] skipped = { 0 };
		new TimelineMerger(this.segments).forEachUntil(this.lastTimestamp, (event) -> {
			if (event.timestamp() < start.timestamp()) {
				return;
			}
			if (event.timestamp() == start.timestamp() && skipped[0] < start.includedAtTimestamp()) {
				skipped[0]++;
				return;
			}
			sink.accept(masker.mask(event));
		});
	}

}
