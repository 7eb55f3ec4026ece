package dev.replay.api.session;

import java.util.Map;

import dev.replay.api.audit.AuditLog;
import dev.replay.ingest.RecordingRemoval;
import dev.replay.ingest.SessionSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes a session with its bytes, and audits the deletion in the same transaction.
 */
@Service
class SessionRemoval {

	private final RecordingRemoval removal;

	private final AuditLog audit;

	SessionRemoval(RecordingRemoval removal, AuditLog audit) {
		this.removal = removal;
		this.audit = audit;
	}

	@Transactional
	void delete(String sessionId) {
		SessionSummary deleted = this.removal.remove(sessionId);
		this.audit.record("session.deleted", "session", sessionId,
				Map.of("applicationId", deleted.applicationId().toString(), "startedAt", deleted.startedAt().toString(),
						"segmentCount", deleted.segmentCount()));
	}

}
