package dev.replay.ingest.timeline;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Asks the timeline indexer to index sessions again, for example after a redaction rule
 * changed what their keyframes, summaries and recorded RUM events may hold: their indexed
 * version is cleared, so that the indexing job takes them in its next rounds, and the
 * request is dated, so that an indexing already running for one of them, which read the
 * rules before, does not mark it indexed.
 */
@Service
@NamedInterface("api")
public class KeyframeRebuild {

	private final JdbcClient jdbc;

	KeyframeRebuild(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Have the sessions of an application, or one of them, indexed again, in the caller's
	 * transaction.
	 * @param applicationId the application
	 * @param sessionId one session of it, or {@code null} for all its sessions
	 * @return the number of sessions to index again
	 */
	public int rebuild(UUID applicationId, @Nullable String sessionId) {
		return this.jdbc.sql("""
				update replay_session set indexed_version = null, index_requested_at = clock_timestamp()
				where application_id = :application and (cast(:session as text) is null or id = :session)""")
			.param("application", applicationId)
			.param("session", sessionId)
			.update();
	}

}
