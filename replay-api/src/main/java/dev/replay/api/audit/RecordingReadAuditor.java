package dev.replay.api.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.playback.PlaybackProperties;
import dev.replay.api.playback.RecordingReads;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers from the audit trail whether a playback of the signed-in user was audited a
 * moment ago, and audits the other reads of a session's recorded content at most once per
 * audit window, so that a player that fetches a session's timeline, RUM events and images
 * writes one event rather than one per request.
 */
@Component
class RecordingReadAuditor implements RecordingReads {

	static final String PLAYED = "session.played";

	static final String CONTENT_READ = "session.content-read";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PlaybackProperties properties;

	RecordingReadAuditor(JdbcClient jdbc, AuditLog audit, PlaybackProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean playedRecently(String sessionId) {
		return auditedRecently(sessionId, "{" + PLAYED + "}");
	}

	@Override
	@Transactional
	public void contentRead(String sessionId, UUID applicationId, String content) {
		if (!auditedRecently(sessionId, "{" + PLAYED + "," + CONTENT_READ + "}")) {
			this.audit.record(CONTENT_READ, "session", sessionId,
					Map.of("content", content, "applicationId", applicationId.toString()));
		}
	}

	private boolean auditedRecently(String sessionId, String actions) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		Instant since = Instant.now().minus(this.properties.auditWindow());
		// audit_event_target_idx finds the session's events
		return this.jdbc.sql("""
				select exists (
				  select 1 from audit_event
				  where target_type = 'session' and target_id = :sessionId and actor = :actor
				    and action = any(cast(:actions as text[])) and occurred_at >= :since)""")
			.param("sessionId", sessionId)
			.param("actor", authentication.getName())
			.param("actions", actions)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

}
