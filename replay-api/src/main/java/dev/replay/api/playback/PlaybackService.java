package dev.replay.api.playback;

import java.time.Instant;

import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.RecordingCatalog;
import dev.replay.ingest.SessionNotFoundException;
import dev.replay.ingest.SessionSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a session for playback. A real playback is announced as {@link PlaybackStarted}
 * inside the transaction, so that the watch entry and the audit event are stored before
 * the first byte is sent; a preview is not announced.
 */
@Service
class PlaybackService {

	private static final Logger LOG = LoggerFactory.getLogger(PlaybackService.class);

	private final RecordingCatalog catalog;

	private final ApplicationEventPublisher events;

	PlaybackService(RecordingCatalog catalog, ApplicationEventPublisher events) {
		this.catalog = catalog;
		this.events = events;
	}

	@Transactional
	void open(String sessionId, PlaybackContext context, boolean preview, ReplayPrincipal viewer) {
		SessionSummary session = this.catalog.findSession(sessionId)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		if (!preview) {
			this.events.publishEvent(
					new PlaybackStarted(sessionId, session.applicationId(), viewer.id(), context, Instant.now()));
			LOG.info("Playback of session {} opened by {} in the {}.", sessionId, viewer.getUsername(), context);
		}
	}

}
