package dev.replay.api.datadog;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.history.WatchHistory;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and forgets watches that API clients report, with their audit events.
 */
@Service
class ApiWatches {

	private final WatchHistory history;

	private final RecordingCatalog catalog;

	private final AuditLog audit;

	ApiWatches(WatchHistory history, RecordingCatalog catalog, AuditLog audit) {
		this.history = history;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Transactional
	SessionSummary record(String sessionId, ApplicationScope scope, UUID userId, Instant watchedAt) {
		SessionSummary session = this.catalog.findSession(sessionId, scope)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		this.history.record(sessionId, userId, "api", watchedAt);
		this.audit.record("session.watch-recorded", "session", sessionId, Map.of("context", "api"));
		return session;
	}

	@Transactional
	void forget(String sessionId, ApplicationScope scope, UUID userId) {
		if (this.catalog.findSession(sessionId, scope).isEmpty()) {
			throw new SessionNotFoundException(sessionId);
		}
		int forgotten = this.history.forget(sessionId, userId);
		if (forgotten > 0) {
			this.audit.record("session.watches-deleted", "session", sessionId, Map.of("count", forgotten));
		}
	}

}
