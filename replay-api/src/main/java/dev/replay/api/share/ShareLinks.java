package dev.replay.api.share;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.security.Role;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and resolves share links. Editors and admins share the sessions
 * of the applications they are granted and revoke any link of those applications; viewers
 * see the links of those sessions, as they see playlists, but change none. A link lives
 * at most {@link #MAX_LIFETIME}; its secret is returned once and kept only hashed. Every
 * change is audited.
 */
@Service
@NamedInterface("api")
public class ShareLinks {

	/** What the link endpoints answer 404 for, in their API description. */
	public static final String LINK_NOT_FOUND = "No valid link at this address: it does not exist, expired or "
			+ "was revoked, or its session was deleted (https://replay.dev/problems/share-link-not-found).";

	/**
	 * What the developer tools' link endpoints answer 404 for, in their API description.
	 */
	public static final String DEVTOOLS_LINK_NOT_FOUND = "No valid link at this address: it does not exist, "
			+ "expired or was revoked, or its session was deleted; or the link was made without devtools "
			+ "(https://replay.dev/problems/share-link-not-found).";

	/** The longest a link may live. */
	static final Duration MAX_LIFETIME = Duration.ofDays(30);

	private final JdbcClient jdbc;

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final AuditLog audit;

	ShareLinks(JdbcClient jdbc, RecordingCatalog catalog, ApplicationGrants grants, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.grants = grants;
		this.audit = audit;
	}

	/**
	 * Share a session until a moment; audited as {@code share-link.created}.
	 * @param sessionId the session
	 * @param expiresAt when the link stops working: in the future, at most
	 * {@link #MAX_LIFETIME} ahead
	 * @param startAt where the link opens the session, in milliseconds from its start, or
	 * {@code null} for its start
	 * @param devtools whether the link shows the session's developer tools
	 * @param caller an editor or admin granted the session's application
	 * @return the link and its secret, which is never shown again
	 * @throws SessionNotFoundException if the caller cannot see the session
	 * @throws InvalidShareLinkException if the expiry or start is out of bounds
	 */
	@Transactional
	CreatedShareLink create(String sessionId, Instant expiresAt, @Nullable Long startAt, boolean devtools,
			ReplayPrincipal caller) {
		requireEditor(caller);
		SessionSummary session = this.catalog.findSession(sessionId, this.grants.scopeOf(caller))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (!expiresAt.isAfter(now)) {
			throw new InvalidShareLinkException("expiresAt must be in the future.");
		}
		if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
			throw new InvalidShareLinkException("expiresAt must be at most " + MAX_LIFETIME.toDays() + " days ahead.");
		}
		if (startAt != null && startAt < 0) {
			throw new InvalidShareLinkException("startAt must not be negative.");
		}
		UUID id = UUID.randomUUID();
		String secret = ShareLinkSecrets.generate();
		Instant expires = expiresAt.truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("""
				insert into share_link (id, session_id, application_id, token_hash, start_at_ms, created_by,
				  created_by_name, created_at, expires_at, devtools)
				values (:id, :sessionId, :applicationId, :hash, :startAt, :createdBy, :createdByName, :createdAt,
				  :expiresAt, :devtools)""")
			.param("id", id)
			.param("sessionId", sessionId)
			.param("applicationId", session.applicationId())
			.param("hash", ShareLinkSecrets.hash(secret))
			.param("startAt", startAt)
			.param("createdBy", caller.id())
			.param("createdByName", caller.getUsername())
			.param("createdAt", Timestamp.from(now))
			.param("expiresAt", Timestamp.from(expires))
			.param("devtools", devtools)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("sessionId", sessionId);
		details.put("applicationId", session.applicationId().toString());
		details.put("expiresAt", expires.toString());
		if (startAt != null) {
			details.put("startAt", startAt);
		}
		details.put("devtools", devtools);
		this.audit.record("share-link.created", "share-link", id.toString(), details);
		return new CreatedShareLink(
				new ShareLinkDetails(id, sessionId, now, caller.getUsername(), expires, startAt, devtools, null, true),
				secret);
	}

	/**
	 * The links of a session, newest first, without their secrets.
	 * @param sessionId the session
	 * @param caller a signed-in user who can see the session
	 * @return the links, revoked and expired ones included
	 * @throws SessionNotFoundException if the caller cannot see the session
	 */
	@Transactional(readOnly = true)
	List<ShareLinkDetails> list(String sessionId, ReplayPrincipal caller) {
		this.catalog.findSession(sessionId, this.grants.scopeOf(caller))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		return this.jdbc.sql("""
				select id, session_id, created_at, created_by_name, expires_at, start_at_ms, devtools, revoked_at,
				  (revoked_at is null and expires_at > now()) as active
				from share_link where session_id = :sessionId
				order by created_at desc, id""")
			.param("sessionId", sessionId)
			.query((rs, row) -> new ShareLinkDetails(rs.getObject("id", UUID.class), rs.getString("session_id"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by_name"),
					rs.getTimestamp("expires_at").toInstant(), rs.getObject("start_at_ms", Long.class),
					rs.getBoolean("devtools"), instant(rs.getTimestamp("revoked_at")), rs.getBoolean("active")))
			.list();
	}

	/**
	 * Revoke a link at once; audited as {@code share-link.revoked} the first time.
	 * @param id the link
	 * @param caller an editor or admin granted the link's application
	 * @throws ShareLinkNotFoundException if there is no such link among the caller's
	 * applications
	 */
	@Transactional
	void revoke(UUID id, ReplayPrincipal caller) {
		requireEditor(caller);
		ApplicationScope scope = this.grants.scopeOf(caller);
		LinkRow link = this.jdbc.sql("select session_id, application_id from share_link where id = :id for update")
			.param("id", id)
			.query((rs, row) -> new LinkRow(rs.getString(1), rs.getObject(2, UUID.class)))
			.optional()
			.filter((row) -> scope.includes(row.applicationId()))
			.orElseThrow(ShareLinkNotFoundException::new);
		int revoked = this.jdbc.sql("update share_link set revoked_at = now() where id = :id and revoked_at is null")
			.param("id", id)
			.update();
		if (revoked > 0) {
			this.audit.record("share-link.revoked", "share-link", id.toString(),
					Map.of("sessionId", link.sessionId(), "applicationId", link.applicationId().toString()));
		}
	}

	/**
	 * The session a link plays, while it is neither expired nor revoked.
	 * @param secret the secret from the link's URL
	 * @return the session
	 * @throws ShareLinkNotFoundException if no valid link has that secret
	 */
	@Transactional(readOnly = true)
	public SharedSession require(String secret) {
		if (!ShareLinkSecrets.hasShape(secret)) {
			throw new ShareLinkNotFoundException();
		}
		// the unique index on token_hash finds it; now() is the database's clock, the one
		// the expiry was compared with when stored
		return this.jdbc.sql("""
				select id, session_id, application_id, expires_at, start_at_ms, devtools from share_link
				where token_hash = :hash and revoked_at is null and expires_at > now()""")
			.param("hash", ShareLinkSecrets.hash(secret))
			.query((rs, row) -> new SharedSession(rs.getObject(1, UUID.class), rs.getString(2),
					rs.getObject(3, UUID.class), rs.getTimestamp(4).toInstant(), rs.getObject(5, Long.class),
					rs.getBoolean(6)))
			.optional()
			.orElseThrow(ShareLinkNotFoundException::new);
	}

	/**
	 * The session a link plays, when the link shows its developer tools.
	 * @param secret the secret from the link's URL
	 * @return the session
	 * @throws ShareLinkNotFoundException if no valid link has that secret, or the link
	 * does not show developer tools: for it, they are not there
	 */
	public SharedSession requireDevtools(String secret) {
		SharedSession shared = require(secret);
		if (!shared.devtools()) {
			throw new ShareLinkNotFoundException();
		}
		return shared;
	}

	private static void requireEditor(ReplayPrincipal caller) {
		if (caller.role().compareTo(Role.editor) < 0) {
			throw new AccessDeniedException("Only editors and admins share sessions");
		}
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private record LinkRow(String sessionId, UUID applicationId) {

	}

	/**
	 * A share link as listed.
	 *
	 * @param id the link
	 * @param sessionId the session it plays
	 * @param createdAt when it was made
	 * @param createdBy who made it
	 * @param expiresAt when it stops working
	 * @param startAt where it opens the session, in milliseconds from its start, or
	 * {@code null} for its start
	 * @param devtools whether it shows the session's developer tools
	 * @param revokedAt when it was revoked, or {@code null}
	 * @param active whether it plays now: neither expired nor revoked
	 */
	record ShareLinkDetails(UUID id, String sessionId, Instant createdAt, String createdBy, Instant expiresAt,
			@Nullable Long startAt, boolean devtools, @Nullable Instant revokedAt, boolean active) {

	}

	/**
	 * A new link with its secret.
	 *
	 * @param details the link
	 * @param secret the secret for its URL
	 */
	record CreatedShareLink(ShareLinkDetails details, String secret) {

	}

}
