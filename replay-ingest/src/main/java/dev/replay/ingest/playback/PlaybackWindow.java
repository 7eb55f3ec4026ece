package dev.replay.ingest.playback;

import java.io.IOException;
import java.util.UUID;
import java.util.function.Consumer;

import dev.replay.core.playback.Playback;
import dev.replay.core.playback.PlaybackKeyframe;
import dev.replay.core.timeline.RawEvent;

/**
 * The events that play a window of a session: a {@link Playback} from the latest keyframe
 * at or before the window's start, or from the session's start, up to the window's end,
 * over the session's stored segments. The segments before the keyframe are not read at
 * all when their format allows it, and those after the window's end never are.
 */
public final class PlaybackWindow {

	private final String sessionId;

	private final UUID applicationId;

	private final long sessionStart;

	private final long sessionEnd;

	private final Playback playback;

	private final SessionSegments segments;

	private int segmentsRead;

	PlaybackWindow(String sessionId, UUID applicationId, long sessionStart, long sessionEnd, Playback playback,
			SessionSegments segments) {
		this.sessionId = sessionId;
		this.applicationId = applicationId;
		this.sessionStart = sessionStart;
		this.sessionEnd = sessionEnd;
		this.playback = playback;
		this.segments = segments;
	}

	/**
	 * The application the session was recorded in.
	 * @return its id
	 */
	public UUID applicationId() {
		return this.applicationId;
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
		PlaybackKeyframe keyframe = this.playback.keyframe();
		return (keyframe != null) ? Math.max(0, keyframe.timestamp() - this.sessionStart) : 0;
	}

	/**
	 * Whether the window starts at a stored keyframe.
	 * @return {@code true} when it does
	 */
	public boolean startsAtKeyframe() {
		return this.playback.keyframe() != null;
	}

	/**
	 * Emit the window's events in order, masked, reading the segments in one query.
	 * @param sink receives the events
	 * @throws IOException if a segment cannot be read
	 */
	public void forEach(Consumer<RawEvent> sink) throws IOException {
		this.segmentsRead = this.segments.read(this.sessionId, this.playback.segmentsFrom(),
				this.playback.lastTimestamp(), (segments) -> this.playback.forEach(segments, sink));
	}

	/**
	 * The number of segments that {@link #forEach} read from the database.
	 * @return the count, 0 before the window's events were emitted
	 */
	public int segmentsRead() {
		return this.segmentsRead;
	}

}
