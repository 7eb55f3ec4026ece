package dev.replay.api.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit of reads of a session's recorded content: every playback, whether the
 * signed-in user's playback of a session was audited a moment ago, and one audit event
 * for the other reads (RUM events, timeline, views, images) at most once per
 * {@code replay.playback.audit-window} for each user and session, so that a player that
 * fetches a session's timeline, RUM events and images writes one event rather than one
 * per request. Reads through a share link are audited on behalf of the link, with the
 * context {@code link}, the link's id and the client's address.
 */
@Service
@NamedInterface("api")
public class RecordingReads {

	static final String PLAYED = "session.played";

	static final String CONTENT_READ = "session.content-read";

	static final String LINK_CONTEXT = "link";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final PlaybackAuditProperties properties;

	RecordingReads(JdbcClient jdbc, AuditLog audit, PlaybackAuditProperties properties) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.properties = properties;
	}

	/**
	 * Audit a playback by the signed-in user, in the caller's transaction.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param context where it is watched: {@code player}, {@code embed} or {@code api}
	 */
	@Transactional
	public void played(String sessionId, UUID applicationId, String context) {
		this.audit.record(PLAYED, "session", sessionId,
				Map.of("context", context, "applicationId", applicationId.toString()));
	}

	/**
	 * Whether the signed-in user opened an audited playback of a session within the audit
	 * window.
	 * @param sessionId the session
	 * @return whether a follow-up window may continue that playback without a new audit
	 * event
	 */
	@Transactional(readOnly = true)
	public boolean playedRecently(String sessionId) {
		return auditedRecently(sessionId, "{" + PLAYED + "}");
	}

	/**
	 * Audit a read of a session's recorded content by the signed-in user, unless their
	 * playback or another read of that session was audited within the audit window.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param content what was read: {@code rum}, {@code timeline}, {@code views} or
	 * {@code resources}
	 */
	@Transactional
	public void contentRead(String sessionId, UUID applicationId, String content) {
		if (!auditedRecently(sessionId, "{" + PLAYED + "," + CONTENT_READ + "}")) {
			this.audit.record(CONTENT_READ, "session", sessionId,
					Map.of("content", content, "applicationId", applicationId.toString()));
		}
	}

	/**
	 * Audit a playback through a share link, in the caller's transaction, on behalf of
	 * the link ({@code link:} and its id) and with the client's address.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param linkId the link
	 */
	@Transactional
	public void playedThroughLink(String sessionId, UUID applicationId, UUID linkId) {
		this.audit.recordAs(linkActor(linkId), PLAYED, "session", sessionId, Map.of("context", LINK_CONTEXT, "linkId",
				linkId.toString(), "applicationId", applicationId.toString()));
	}

	/**
	 * Whether a playback through a share link was audited within the audit window.
	 * @param sessionId the session
	 * @param linkId the link
	 * @return whether a follow-up window may continue that playback without a new audit
	 * event
	 */
	@Transactional(readOnly = true)
	public boolean playedThroughLinkRecently(String sessionId, UUID linkId) {
		return auditedRecently(sessionId, linkActor(linkId), "{" + PLAYED + "}");
	}

	/**
	 * Audit a read of a session's recorded content through a share link, unless a
	 * playback or another read through it was audited within the audit window.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param linkId the link
	 * @param content what was read, for example {@code resources}
	 */
	@Transactional
	public void contentReadThroughLink(String sessionId, UUID applicationId, UUID linkId, String content) {
		String actor = linkActor(linkId);
		if (!auditedRecently(sessionId, actor, "{" + PLAYED + "," + CONTENT_READ + "}")) {
			this.audit.recordAs(actor, CONTENT_READ, "session", sessionId, Map.of("context", LINK_CONTEXT, "linkId",
					linkId.toString(), "content", content, "applicationId", applicationId.toString()));
		}
	}

	// the actor of the reads through a share link: whoever holds it
	private static String linkActor(UUID linkId) {
		return "link:" + linkId;
	}

	private boolean auditedRecently(String sessionId, String actions) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return false;
		}
		return auditedRecently(sessionId, authentication.getName(), actions);
	}

	private boolean auditedRecently(String sessionId, String actor, String actions) {
		Instant since = Instant.now().minus(this.properties.auditWindow());
		// audit_event_target_idx finds the session's events
		return this.jdbc.sql("""
				select exists (
				  select 1 from audit_event
				  where target_type = 'session' and target_id = :sessionId and actor = :actor
				    and action = any(cast(:actions as text[])) and occurred_at >= :since)""")
			.param("sessionId", sessionId)
			.param("actor", actor)
			.param("actions", actions)
			.param("since", Timestamp.from(since))
			.query(Boolean.class)
			.single();
	}

}
