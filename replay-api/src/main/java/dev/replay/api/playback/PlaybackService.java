package dev.replay.api.playback;

import java.time.Instant;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
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
 * as a new playback.
 */
@Service
class PlaybackService {

	private static final Logger LOG = LoggerFactory.getLogger(PlaybackService.class);

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final RecordingReads reads;

	private final ApplicationEventPublisher events;

	PlaybackService(RecordingCatalog catalog, ApplicationGrants grants, RecordingReads reads,
			ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.grants = grants;
		this.reads = reads;
		this.events = events;
	}

	@Transactional
	void open(String sessionId, PlaybackContext context, Request request, ReplayPrincipal viewer) {
		SessionSummary session = this.catalog.findSession(sessionId, this.grants.scopeOf(viewer))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		if (request == Request.PREVIEW || (request == Request.CONTINUATION && this.reads.playedRecently(sessionId))) {
			return;
		}
		this.reads.played(sessionId, session.applicationId(), context.name());
		this.events
			.publishEvent(new PlaybackStarted(sessionId, session.applicationId(), viewer.id(), context, Instant.now()));
		LOG.info("Playback of session {} opened by {} in the {}.", sessionId, viewer.getUsername(), context);
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
