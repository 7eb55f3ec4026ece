package dev.replay.api.playback;

import java.time.Instant;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.playback.PlaybackWindow;
import dev.replay.ingest.playback.SessionTimelines;
import dev.replay.ingest.session.SessionNotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a session for playback, among the sessions of the applications the viewer is
 * granted (any other answers 404, like a missing one). A playback is audited and
 * announced as {@link PlaybackStarted} inside the transaction, so that the audit event
 * and the watch entry are stored before the first byte is sent. Two kinds of request are
 * not announced: a preview, which only ever gets the session's first keyframe, and a
 * follow-up window of a playback the same user opened within
 * {@code replay.playback.audit-window}; a follow-up window without such a playback counts
 * as a new playback. An export is audited as a playback in the context {@code export},
 * but is not a watch entry: who opens the exported file, and when, is not known.
 */
@Service
class PlaybackService {

	/** The audit context of an export. */
	static final String EXPORT = "export";

	private static final Logger LOG = LoggerFactory.getLogger(PlaybackService.class);

	private final SessionTimelines timelines;

	private final ApplicationGrants grants;

	private final RecordingReads reads;

	private final ApplicationEventPublisher events;

	PlaybackService(SessionTimelines timelines, ApplicationGrants grants, RecordingReads reads,
			ApplicationEventPublisher events) {
		this.timelines = timelines;
		this.grants = grants;
		this.reads = reads;
		this.events = events;
	}

	/**
	 * Open a window of a session for playback, and announce the playback unless the
	 * request is a preview or a follow-up window of a recent one.
	 * @param sessionId the session
	 * @param context where it is played
	 * @param request what the request asks for
	 * @param from the window's start in milliseconds from the session's start, or
	 * {@code null}
	 * @param to the window's end in milliseconds from the session's start, or
	 * {@code null}
	 * @param viewer the signed-in user
	 * @return the window, whose events are read when it is written
	 * @throws SessionNotFoundException if the session does not exist among those the
	 * viewer is granted
	 */
	@Transactional
	PlaybackWindow open(String sessionId, PlaybackContext context, Request request, @Nullable Long from,
			@Nullable Long to, ReplayPrincipal viewer) {
		PlaybackWindow window = this.timelines.window(sessionId, this.grants.scopeOf(viewer), from, to);
		if (request == Request.PREVIEW || (request == Request.CONTINUATION && this.reads.playedRecently(sessionId))) {
			return window;
		}
		this.reads.played(sessionId, window.applicationId(), context.name());
		this.events
			.publishEvent(new PlaybackStarted(sessionId, window.applicationId(), viewer.id(), context, Instant.now()));
		LOG.info("Playback of session {} opened by {} in the {}.", sessionId, viewer.getUsername(), context);
		return window;
	}

	/**
	 * Open a whole session for an export, and audit it as a playback in the context
	 * {@value #EXPORT}.
	 * @param sessionId the session
	 * @param viewer the signed-in user
	 * @return the whole session, whose events are read when it is written
	 * @throws SessionNotFoundException if the session does not exist among those the
	 * viewer is granted
	 */
	@Transactional
	PlaybackWindow export(String sessionId, ReplayPrincipal viewer) {
		PlaybackWindow window = this.timelines.window(sessionId, this.grants.scopeOf(viewer), null, null);
		this.reads.played(sessionId, window.applicationId(), EXPORT);
		LOG.info("Session {} exported by {}.", sessionId, viewer.getUsername());
		return window;
	}

	/**
	 * What a request for a session's events asks for.
	 */
	enum Request {

		/** A new playback. */
		PLAYBACK,

		/** A following window of a playback. */
		CONTINUATION,

		/** The first keyframe, for a thumbnail. */
		PREVIEW

	}

}
