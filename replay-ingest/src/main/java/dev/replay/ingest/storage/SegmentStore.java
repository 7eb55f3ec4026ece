package dev.replay.ingest.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes segments and keeps their session's row up to date, in one transaction per
 * segment.
 */
@Repository
public class SegmentStore {

	private final JdbcClient jdbc;

	SegmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Store a segment unless an equal one is already stored.
	 * @param segment the segment
	 * @return the outcome; the data is committed when this returns
	 */
	@Transactional
	public StoreOutcome store(NewSegment segment) {
		UUID owner = upsertSession(segment);
		if (!owner.equals(segment.applicationId())) {
			return StoreOutcome.SESSION_CONFLICT;
		}
		List<Long> inserted = this.jdbc.sql("""
				insert into segment (session_id, dedup_key, sequence, view_id, format, encoding, first_event_at,
				    last_event_at, event_count, has_full_snapshot, received_bytes, body)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (session_id, dedup_key) do nothing
				returning id""")
			.params(segment.sessionId(), segment.dedupKey(), segment.sequence(), segment.viewId(), segment.format(),
					segment.encoding().code(), timestamp(segment.summary().firstTimestamp()),
					timestamp(segment.summary().lastTimestamp()), segment.summary().eventCount(),
					segment.summary().hasFullSnapshot(), segment.receivedBytes(), segment.body())
			.query(Long.class)
			.list();
		if (inserted.isEmpty()) {
			return StoreOutcome.DUPLICATE;
		}
		updateSession(segment);
		if (segment.viewId() != null) {
			this.jdbc.sql("""
					insert into session_view (session_id, id, url, started_at) values (?, ?, ?, ?)
					on conflict (session_id, id) do update
					set started_at = least(session_view.started_at, excluded.started_at),
					    url = coalesce(session_view.url, excluded.url)""")
				.params(segment.sessionId(), segment.viewId(), segment.context().url(),
						timestamp(segment.summary().firstTimestamp()))
				.update();
		}
		return StoreOutcome.STORED;
	}

	/**
	 * Record a client's request id, within the caller's transaction, so that a retry of
	 * the same request is recognised.
	 * @param applicationId the application the request writes to
	 * @param requestId the id the client gave the request
	 * @return {@code true} the first time, {@code false} when the id was seen before
	 */
	@Transactional
	public boolean claimRequest(UUID applicationId, String requestId) {
		return !this.jdbc.sql("""
				insert into intake_request (application_id, request_id) values (?, ?)
				on conflict do nothing
				returning request_id""").params(applicationId, requestId).query(String.class).list().isEmpty();
	}

	private UUID upsertSession(NewSegment segment) {
		return this.jdbc.sql("""
				insert into replay_session (id, application_id, source, started_at, ended_at)
				values (?, ?, ?, ?, ?)
				on conflict (id) do update set updated_at = now()
				returning application_id""")
			.params(segment.sessionId(), segment.applicationId(), segment.source(),
					timestamp(segment.summary().firstTimestamp()), timestamp(segment.summary().lastTimestamp()))
			.query(UUID.class)
			.single();
	}

	private void updateSession(NewSegment segment) {
		this.jdbc.sql("""
				update replay_session set
				    started_at = least(started_at, ?), ended_at = greatest(ended_at, ?),
				    segment_count = segment_count + 1, event_count = event_count + ?,
				    stored_bytes = stored_bytes + ?, has_full_snapshot = has_full_snapshot or ?,
				    first_url = coalesce(first_url, ?), user_agent = coalesce(user_agent, ?),
				    user_id = coalesce(?, user_id), user_name = coalesce(?, user_name),
				    user_email = coalesce(?, user_email), updated_at = now()
				where id = ?""")
			.params(timestamp(segment.summary().firstTimestamp()), timestamp(segment.summary().lastTimestamp()),
					segment.summary().eventCount(), segment.body().length, segment.summary().hasFullSnapshot(),
					segment.context().url(), segment.context().userAgent(), segment.context().userId(),
					segment.context().userName(), segment.context().userEmail(), segment.sessionId())
			.update();
	}

	private static Timestamp timestamp(long epochMillis) {
		return Timestamp.from(Instant.ofEpochMilli(epochMillis));
	}

}
