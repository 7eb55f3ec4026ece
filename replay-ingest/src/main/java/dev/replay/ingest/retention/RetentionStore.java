package dev.replay.ingest.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.ingest.resource.SessionImages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of the retention job. Each finds its rows through an index and touches
 * at most one batch of them, so that no statement scans a table or holds locks for long.
 */
@Repository
class RetentionStore {

	private final JdbcClient jdbc;

	private final SessionImages images;

	RetentionStore(JdbcClient jdbc, SessionImages images) {
		this.jdbc = jdbc;
		this.images = images;
	}

	List<ApplicationRetention> applications() {
		return this.jdbc.sql("select id, retention_days from application order by id")
			.query((rs, row) -> new ApplicationRetention(rs.getObject("id", UUID.class), rs.getInt("retention_days")))
			.list();
	}

	// Lock and return a batch of an application's sessions last received before the
	// cutoff (the server's time, never the client's) and that nobody holds; sessions
	// locked by others are left for the next pass.
	List<String> lockExpiredSessions(UUID applicationId, Instant cutoff, int limit) {
		return this.jdbc.sql("""
				select s.id from replay_session s
				where s.application_id = :application and s.received_at < :cutoff
				  and not exists (select 1 from session_hold h where h.session_id = s.id)
				order by s.received_at
				limit :limit
				for update of s skip locked""")
			.param("application", applicationId)
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	// Delete sessions; their segments, keyframes, views, holds, watches and the links of
	// their raw RUM batches go with them, and their images once no other session shows
	// them.
	int deleteSessions(List<String> sessionIds) {
		this.images.releaseImagesOf(sessionIds);
		this.jdbc.sql("delete from rum_batch_session where session_id = any(:ids)")
			.param("ids", sessionIds.toArray(String[]::new))
			.update();
		return this.jdbc.sql("delete from replay_session where id = any(:ids)")
			.param("ids", sessionIds.toArray(String[]::new))
			.update();
	}

	// Delete a batch of an application's raw RUM batches received before the cutoff, but
	// those that a held session or a session still recorded after the cutoff needs.
	int deleteExpiredRumBatches(UUID applicationId, Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from rum_batch where id in (
				  select b.id from rum_batch b
				  where b.application_id = :application and b.received_at < :cutoff
				    and not exists (select 1 from rum_batch_session rs
				                    join session_hold h on h.session_id = rs.session_id
				                    where rs.batch_id = b.id)
				    and not exists (select 1 from rum_batch_session rs
				                    join replay_session s on s.id = rs.session_id
				                    where rs.batch_id = b.id and s.received_at >= :cutoff)
				  order by b.received_at
				  limit :limit)""")
			.param("application", applicationId)
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.update();
	}

	// Delete a batch of an application's RUM summaries of sessions without replay whose
	// last event came before the cutoff (a replay session's summary goes with it), unless
	// the session is held.
	int deleteExpiredRumSessions(UUID applicationId, Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from rum_session where session_id in (
				  select r.session_id from rum_session r
				  where r.application_id = :application and r.last_event_ms < :cutoff
				    and not exists (select 1 from replay_session s where s.id = r.session_id)
				    and not exists (select 1 from session_hold h where h.session_id = r.session_id)
				  order by r.last_event_ms
				  limit :limit)""")
			.param("application", applicationId)
			.param("cutoff", cutoff.toEpochMilli())
			.param("limit", limit)
			.update();
	}

	// Forget a batch of the upload request ids received before the cutoff.
	int forgetRequestIds(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				delete from intake_request where ctid = any(array(
				  select ctid from intake_request where received_at < :cutoff limit :limit))""")
			.param("cutoff", Timestamp.from(cutoff))
			.param("limit", limit)
			.update();
	}

	record ApplicationRetention(UUID id, int retentionDays) {

	}

}
