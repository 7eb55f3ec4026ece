package dev.replay.ingest.redaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.core.privacy.Redaction;
import dev.replay.core.privacy.RedactionRule;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The redaction rules of sessions and applications, and the {@link Redaction} that holds
 * for a session: its own rules and those of its application. Rules are only ever added;
 * the recording they mask is never rewritten (ADR 0028).
 */
@Service
@NamedInterface("api")
public class RedactionRules {

	private final JdbcClient jdbc;

	RedactionRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Store a rule.
	 * @param applicationId the application
	 * @param sessionId the session of that application it applies to, or {@code null} for
	 * every session of the application
	 * @param rule what it masks
	 * @param createdBy the user who makes it
	 * @return the stored rule
	 */
	public StoredRedactionRule add(UUID applicationId, @Nullable String sessionId, RedactionRule rule,
			String createdBy) {
		return this.jdbc.sql("""
				insert into redaction_rule (id, application_id, session_id, text, selector, created_by)
				values (:id, :application, :session, :text, :selector, :createdBy)
				returning id, application_id, session_id, text, selector, created_by, created_at""")
			.param("id", UUID.randomUUID())
			.param("application", applicationId)
			.param("session", sessionId)
			.param("text", rule.text())
			.param("selector", rule.selector())
			.param("createdBy", createdBy)
			.query(RedactionRules::toRule)
			.single();
	}

	/**
	 * The rules that hold for a session: its own and its application's, oldest first.
	 * @param applicationId the session's application
	 * @param sessionId the session
	 * @return the rules
	 */
	public List<StoredRedactionRule> ofSession(UUID applicationId, String sessionId) {
		return this.jdbc.sql("""
				select id, application_id, session_id, text, selector, created_by, created_at
				from redaction_rule
				where application_id = :application and (session_id is null or session_id = :session)
				order by created_at, id""")
			.param("application", applicationId)
			.param("session", sessionId)
			.query(RedactionRules::toRule)
			.list();
	}

	/**
	 * The rules of an application that hold for all its sessions, oldest first.
	 * @param applicationId the application
	 * @return the rules
	 */
	public List<StoredRedactionRule> ofApplication(UUID applicationId) {
		return this.jdbc.sql("""
				select id, application_id, session_id, text, selector, created_by, created_at
				from redaction_rule
				where application_id = ? and session_id is null
				order by created_at, id""").param(applicationId).query(RedactionRules::toRule).list();
	}

	/**
	 * The redaction of a session.
	 * @param applicationId the session's application
	 * @param sessionId the session
	 * @return the redaction, {@link Redaction#NONE} without rules
	 */
	public Redaction forSession(UUID applicationId, String sessionId) {
		return Redaction.of(ofSession(applicationId, sessionId).stream().map(StoredRedactionRule::rule).toList());
	}

	/**
	 * The redactions of many sessions, in one query, for lists of sessions.
	 * @param sessions the application of each session, by session id
	 * @return the redaction of each of those sessions that has rules
	 */
	public SessionRedactions forSessions(Map<String, UUID> sessions) {
		if (sessions.isEmpty()) {
			return SessionRedactions.NONE;
		}
		List<StoredRedactionRule> rules = this.jdbc.sql("""
				select id, application_id, session_id, text, selector, created_by, created_at
				from redaction_rule
				where application_id = any(cast(:applications as uuid[]))
				  and (session_id is null or session_id = any(cast(:sessions as text[])))
				order by created_at, id""")
			.param("applications", sessions.values().stream().distinct().toArray(UUID[]::new))
			.param("sessions", sessions.keySet().toArray(String[]::new))
			.query(RedactionRules::toRule)
			.list();
		if (rules.isEmpty()) {
			return SessionRedactions.NONE;
		}
		Map<String, Redaction> bySession = new HashMap<>();
		sessions.forEach((sessionId, applicationId) -> {
			List<RedactionRule> own = new ArrayList<>();
			for (StoredRedactionRule rule : rules) {
				if (rule.applicationId().equals(applicationId)
						&& (rule.sessionId() == null || rule.sessionId().equals(sessionId))) {
					own.add(rule.rule());
				}
			}
			if (!own.isEmpty()) {
				bySession.put(sessionId, Redaction.of(own));
			}
		});
		return new SessionRedactions(bySession);
	}

	/**
	 * Whether any session of some applications has a redaction, so that reads of many
	 * sessions can skip looking for them.
	 * @param applicationIds the applications
	 * @return whether one of them has a rule
	 */
	public boolean anyIn(Collection<UUID> applicationIds) {
		return !applicationIds.isEmpty() && this.jdbc
			.sql("select exists (select 1 from redaction_rule where application_id = any(cast(? as uuid[])))")
			.param(applicationIds.toArray(UUID[]::new))
			.query(Boolean.class)
			.single();
	}

	private static StoredRedactionRule toRule(ResultSet rs, int row) throws SQLException {
		return new StoredRedactionRule(rs.getObject("id", UUID.class), rs.getObject("application_id", UUID.class),
				rs.getString("session_id"), new RedactionRule(rs.getString("text"), rs.getString("selector")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
	}

}
