package dev.replay.api.session;

import java.util.List;
import java.util.Map;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.playlist.Playlists;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.RecordingRemoval;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a session with its bytes, and audits the deletion in the same transaction with
 * the playlists it was removed from.
 */
@Service
class SessionRemoval {

	private final RecordingRemoval removal;

	private final RecordingCatalog catalog;

	private final AuditLog audit;

	private final Playlists playlists;

	SessionRemoval(RecordingRemoval removal, RecordingCatalog catalog, AuditLog audit, Playlists playlists) {
		this.removal = removal;
		this.catalog = catalog;
		this.audit = audit;
		this.playlists = playlists;
	}

	@Transactional
	void delete(String sessionId, ApplicationScope scope) {
		if (this.catalog.findSession(sessionId, scope).isEmpty()) {
			throw new SessionNotFoundException(sessionId);
		}
		List<Long> playlistIds = this.playlists.holding(sessionId);
		SessionSummary deleted = this.removal.remove(sessionId);
		this.audit.record("session.deleted", "session", sessionId,
				Map.of("applicationId", deleted.applicationId().toString(), "startedAt", deleted.startedAt().toString(),
						"segmentCount", deleted.segmentCount(), "playlistIds", playlistIds));
	}

}
