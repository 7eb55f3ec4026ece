package dev.replay.ingest.playback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

import dev.replay.core.playback.Playback;
import dev.replay.core.playback.PlaybackIndexer;
import dev.replay.core.playback.PlaybackKeyframe;
import dev.replay.core.privacy.Redaction;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.TimelineMerger;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.playback.PlaybackStore.OpenedSession;
import dev.replay.ingest.redaction.RedactionRules;
import dev.replay.ingest.session.SessionNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Playback by time window and timeline summaries of recorded sessions, from the stored
 * keyframes and summaries when the session has been indexed. Opening a window takes one
 * query; its events take one more, which streams the segments.
 */
@Service
@NamedInterface("api")
public class SessionTimelines {

	// never due: computing a summary on demand writes no keyframe
	private static final KeyframePolicy NO_KEYFRAMES = new KeyframePolicy(Long.MAX_VALUE / 4, Integer.MAX_VALUE);

	private final PlaybackStore store;

	private final SessionSegments segments;

	private final RedactionRules redactions;

	SessionTimelines(PlaybackStore store, SessionSegments segments, RedactionRules redactions) {
		this.store = store;
		this.segments = segments;
		this.redactions = redactions;
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
		return window(sessionId, ApplicationScope.ALL, from, to);
	}

	/**
	 * The events that play a window of a session of an application in a scope.
	 * @param sessionId the session
	 * @param scope the applications whose sessions may be played
	 * @param from the window's start in milliseconds from the session's start, or
	 * {@code null} for the whole session from its start
	 * @param to the window's end in milliseconds from the session's start, or
	 * {@code null} for the session's end
	 * @return the window
	 * @throws SessionNotFoundException if the session does not exist in one of those
	 * applications
	 */
	public PlaybackWindow window(String sessionId, ApplicationScope scope, @Nullable Long from, @Nullable Long to) {
		OpenedSession session = this.store.open(sessionId, scope, (from != null && from > 0) ? from : null)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		// offsets past the session's end mean its end: no sum may overflow or leave the
		// range of timestamps
		long duration = session.end() - session.start();
		long last = (to != null && to <= duration) ? session.start() + Math.max(0, to) : Long.MAX_VALUE;
		PlaybackKeyframe keyframe = session.keyframe();
		Playback playback = ((keyframe != null) ? Playback.fromKeyframe(keyframe, last) : Playback.fromStart(last))
			.redacted(this.redactions.forSession(session.applicationId(), sessionId));
		return new PlaybackWindow(sessionId, session.applicationId(), session.start(), session.end(), playback,
				this.segments);
	}

	/**
	 * The timeline summary of a session: the stored one, or one computed now if the
	 * session has not been indexed yet.
	 * @param sessionId the session
	 * @return the summary, or {@code null} if the session has no events
	 * @throws SessionNotFoundException if the session does not exist
	 */
	public @Nullable TimelineSummary summary(String sessionId) {
		UUID applicationId = this.store.applicationOf(sessionId)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		Redaction redaction = this.redactions.forSession(applicationId, sessionId);
		return this.store.summary(sessionId, redaction).orElseGet(() -> compute(sessionId, redaction));
	}

	private @Nullable TimelineSummary compute(String sessionId, Redaction redaction) {
		PlaybackIndexer indexer = new PlaybackIndexer(NO_KEYFRAMES, redaction, (keyframe) -> {
		});
		try {
			this.segments.read(sessionId, Long.MIN_VALUE, Long.MAX_VALUE,
					(segments) -> TimelineMerger.mergeInOrder(segments, Long.MAX_VALUE, indexer::accept));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return (indexer.eventCount() > 0) ? indexer.finish() : null;
	}

}
