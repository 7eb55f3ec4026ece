package dev.replay.ingest.session;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.replay.ingest.resource.SessionImages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deletes a session row; the foreign keys cascade to its segments and views, and to the
 * rows other features keep about it. Its raw RUM batches go too, unless another session
 * shares them. Its images go once no other session shows them.
 */
@Repository
class SessionDeletion {

	private final JdbcClient jdbc;

	private final SessionImages images;

	SessionDeletion(JdbcClient jdbc, SessionImages images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	/**
	 * Delete one session (its summary comes back without timeline figures).
	 * @param sessionId the id
	 * @return the deleted session, empty if there was none
	 */
	Optional<SessionSummary> delete(String sessionId) {
		this.images.releaseImagesOf(List.of(sessionId));
		// raw RUM batches are linked to sessions without a foreign key (RUM may come
		// first):
		// unlink them, and delete those that no other session needs
		this.jdbc.sql("""
				with unlinked as (delete from rum_batch_session where session_id = :session returning batch_id)
				delete from rum_batch b where b.id in (select batch_id from unlinked)
				  and not exists (select 1 from rum_batch_session rs
				                  where rs.batch_id = b.id and rs.session_id <> :session)""")
			.param("session", sessionId)
			.update();
		return this.jdbc.sql("""
				delete from replay_session where id = ?
				returning id, application_id, started_at, ended_at, source, segment_count, event_count, first_url,
				          user_id, user_name, user_email""")
			.param(sessionId)
			.query((rs, row) -> new SessionSummary(rs.getString("id"), rs.getObject("application_id", UUID.class),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("ended_at").toInstant(),
					rs.getString("source"), rs.getInt("segment_count"), rs.getLong("event_count"),
					rs.getString("first_url"), rs.getString("user_id"), rs.getString("user_name"),
					rs.getString("user_email"), null, false, false))
			.optional();
	}

}
