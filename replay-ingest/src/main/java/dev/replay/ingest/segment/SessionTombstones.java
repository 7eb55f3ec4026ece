package dev.replay.ingest.segment;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The tombstones of deleted and erased sessions: the intake refuses every later segment
 * of a buried session id (410), and keeps no RUM event of it, so that what was deleted is
 * not recorded again.
 */
@Component
@NamedInterface("api")
public class SessionTombstones {

	private final JdbcClient jdbc;

	SessionTombstones(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Bury sessions, in the caller's transaction (the one that deletes them).
	 * @param applicationId the application of the sessions
	 * @param sessionIds their ids
	 */
	public void bury(UUID applicationId, Collection<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into session_tombstone (session_id, application_id)
				select unnest(:ids), :application
				on conflict (session_id) do nothing""")
			.param("ids", sessionIds.toArray(String[]::new))
			.param("application", applicationId)
			.update();
	}

	/**
	 * Those of some session ids that are buried.
	 * @param sessionIds the ids
	 * @return the buried ones
	 */
	public Set<String> buried(Collection<String> sessionIds) {
		if (sessionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc.sql("select session_id from session_tombstone where session_id = any(?)")
			.param(sessionIds.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/**
	 * Whether a session id is buried.
	 * @param sessionId the id
	 * @return whether the intake refuses it
	 */
	public boolean isBuried(String sessionId) {
		return this.jdbc.sql("select exists (select 1 from session_tombstone where session_id = ?)")
			.param(sessionId)
			.query(Boolean.class)
			.single();
	}

}
