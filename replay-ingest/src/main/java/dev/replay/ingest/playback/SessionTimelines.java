package dev.replay.ingest.playback;

import java.io.IOException;
import java.io.UncheckedIOException;

import dev.replay.core.privacy.InputMasker;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.TimelineIndexer;
import dev.replay.core.timeline.TimelineMerger;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionReader;
import dev.replay.ingest.timeline.StoredKeyframe;
import dev.replay.ingest.timeline.TimelineStore;
import dev.replay.ingest.timeline.TimelineStore.SessionBounds;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Playback by time window and timeline summaries of recorded sessions, from the stored
 * keyframes and summaries when the session has been indexed.
 */
@Service
@NamedInterface("api")
public class SessionTimelines {

	// never due: computing a summary on demand writes no keyframe
	private static final KeyframePolicy NO_KEYFRAMES = new KeyframePolicy(Long.MAX_VALUE / 4, Integer.MAX_VALUE);

	private final TimelineStore store;

	private final SessionReader reader;

	SessionTimelines(TimelineStore store, SessionReader reader) {
		this.store = store;
		this.reader = reader;
	}

	/**
	 * The events that play a window of a session.
	 * @param sessionId the session
	 * @param from the window's start in milliseconds from the session's start, or
	 * {@code null} for the whole session from its start
	 * @param to the window's end in milliseconds from the session's start, or
	 * {@code null} for the session's end
	 * @return the window
	 * @throws SessionNotFoundException if the session does not exist
	 */
	public PlaybackWindow window(String sessionId, @Nullable Long from, @Nullable Long to) {
		SessionBounds bounds = this.store.bounds(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
		// offsets past the session's end mean its end: no sum may overflow or leave the
		// range of timestamps
		long duration = bounds.end() - bounds.start();
		long last = (to != null && to <= duration) ? bounds.start() + Math.max(0, to) : Long.MAX_VALUE;
		StoredKeyframe keyframe = (from != null && from > 0)
				? this.store.keyframeAtOrBefore(sessionId, bounds.start() + Math.min(from, duration)).orElse(null)
				: null;
		long skipBefore = (keyframe != null) ? keyframe.timestamp() : Long.MIN_VALUE;
		return new PlaybackWindow(bounds.start(), bounds.end(), keyframe, this.reader.segments(sessionId, skipBefore),
				last);
	}

	/**
	 * The timeline summary of a session: the stored one, or one computed now if the
	 * session has not been indexed yet.
	 * @param sessionId the session
	 * @return the summary, or {@code null} if the session has no events
	 * @throws SessionNotFoundException if the session does not exist
	 */
	public @Nullable TimelineSummary summary(String sessionId) {
		this.store.bounds(sessionId).orElseThrow(() -> new SessionNotFoundException(sessionId));
		return this.store.summary(sessionId).orElseGet(() -> compute(sessionId));
	}

	private @Nullable TimelineSummary compute(String sessionId) {
		TimelineIndexer indexer = new TimelineIndexer(NO_KEYFRAMES, RrwebKeyframeCodec.INSTANCE, (keyframe) -> {
		});
		InputMasker masker = new InputMasker();
		long[] events = { 0 };
		try {
			new TimelineMerger(this.reader.segments(sessionId)).forEach((event) -> {
				indexer.accept(masker.mask(event));
				events[0]++;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (events[0] > 0) ? indexer.finish() : null;
	}

}
