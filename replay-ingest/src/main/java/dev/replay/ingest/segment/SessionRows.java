package dev.replay.ingest.segment;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The session rows of a batch: created by the first segment that names them, locked in id
 * order before anything else is written, and updated once each with the sum of their new
 * segments.
 */
final class SessionRows {

	private SessionRows() {
	}

	/**
	 * Create the sessions that the writes name and do not exist yet, then lock them all.
	 * @param connection the transaction's connection
	 * @param writes the writes
	 * @return each session's application and number, by session id
	 * @throws SQLException if a statement fails
	 */
	static Map<String, LockedSession> lock(Connection connection, List<SegmentWrite> writes) throws SQLException {
		Map<String, NewSession> sessions = new TreeMap<>();
		for (SegmentWrite write : writes) {
			for (NewSegment segment : write.segments()) {
				sessions.merge(segment.sessionId(), NewSession.of(segment), NewSession::widen);
			}
		}
		insert(connection, List.copyOf(sessions.values()));
		Map<String, LockedSession> locked = new HashMap<>();
		try (PreparedStatement select = connection.prepareStatement(
				"select id, application_id, number from replay_session where id = any (?) order by id for update")) {
			BatchSql.planEachTime(select);
			Array ids = connection.createArrayOf("text", sessions.keySet().toArray());
			select.setArray(1, ids);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					locked.put(rows.getString(1), new LockedSession(rows.getObject(2, UUID.class), rows.getLong(3)));
				}
			}
			ids.free();
		}
		return locked;
	}

	/**
	 * The sessions among those that writes name which were deleted and are not recorded
	 * again (they have no row, {@link #lock} created none).
	 * @param connection the transaction's connection
	 * @param sessionIds the session ids without a row
	 * @return those that have a tombstone
	 * @throws SQLException if the statement fails
	 */
	static Set<String> buried(Connection connection, Collection<String> sessionIds) throws SQLException {
		Set<String> buried = new HashSet<>();
		if (sessionIds.isEmpty()) {
			return buried;
		}
		try (PreparedStatement select = connection
			.prepareStatement("select session_id from session_tombstone where session_id = any (?)")) {
			Array ids = connection.createArrayOf("text", sessionIds.toArray());
			select.setArray(1, ids);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					buried.add(rows.getString(1));
				}
			}
			ids.free();
		}
		return buried;
	}

	// in id order, like every lock the transaction takes
	private static void insert(Connection connection, List<NewSession> sessions) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into replay_session (id, application_id, source, started_at, ended_at)
				select id, application_id, source, %s, %s
				from unnest(?::text[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[])
				    as s (id, application_id, source, started_ms, ended_ms)
				where not exists (select 1 from session_tombstone t where t.session_id = s.id)
				on conflict (id) do nothing""".formatted(BatchSql.instant("started_ms"),
				BatchSql.instant("ended_ms")))) {
			insert.setArray(1, BatchSql.column(connection, "text", sessions, NewSession::id));
			insert.setArray(2, BatchSql.column(connection, "uuid", sessions, NewSession::applicationId));
			insert.setArray(3, BatchSql.column(connection, "text", sessions, NewSession::source));
			insert.setArray(4, BatchSql.column(connection, "int8", sessions, NewSession::startedAt));
			insert.setArray(5, BatchSql.column(connection, "int8", sessions, NewSession::endedAt));
			insert.executeUpdate();
		}
	}

	/**
	 * Add the new segments to their sessions, one update of each session.
	 * @param connection the transaction's connection, which holds the sessions' locks
	 * @param inserted the segments that were new, in the order their writes arrived
	 * @throws SQLException if the statement fails
	 */
	static void update(Connection connection, List<NewSegment> inserted) throws SQLException {
		if (inserted.isEmpty()) {
			return;
		}
		Map<String, SessionChange> changes = new TreeMap<>();
		for (NewSegment segment : inserted) {
			changes.computeIfAbsent(segment.sessionId(), (id) -> new SessionChange()).add(segment);
		}
		List<String> ids = List.copyOf(changes.keySet());
		List<SessionChange> sums = List.copyOf(changes.values());
		// the rows were locked in id order by lock
		try (PreparedStatement update = connection.prepareStatement("""
				update replay_session s set
				    started_at = least(s.started_at, %s), ended_at = greatest(s.ended_at, %s),
				    segment_count = s.segment_count + c.segments, event_count = s.event_count + c.events,
				    stored_bytes = s.stored_bytes + c.bytes, has_full_snapshot = s.has_full_snapshot or c.full_snapshot,
				    first_url = coalesce(s.first_url, c.first_url), user_agent = coalesce(s.user_agent, c.user_agent),
				    user_id = coalesce(c.user_id, s.user_id), user_name = coalesce(c.user_name, s.user_name),
				    user_email = coalesce(c.user_email, s.user_email), updated_at = now(), received_at = now()
				from unnest(?::text[], ?::bigint[], ?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::boolean[],
				    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
				    as c (id, started_ms, ended_ms, segments, events, bytes, full_snapshot, first_url, user_agent,
				        user_id, user_name, user_email)
				where s.id = c.id""".formatted(BatchSql.instant("c.started_ms"), BatchSql.instant("c.ended_ms")))) {
			// a join whose plan must follow the table's size, as the lock's does
			BatchSql.planEachTime(update);
			update.setArray(1, BatchSql.column(connection, "text", ids, (id) -> id));
			update.setArray(2, BatchSql.column(connection, "int8", sums, (sum) -> sum.startedAt));
			update.setArray(3, BatchSql.column(connection, "int8", sums, (sum) -> sum.endedAt));
			update.setArray(4, BatchSql.column(connection, "int4", sums, (sum) -> sum.segments));
			update.setArray(5, BatchSql.column(connection, "int8", sums, (sum) -> sum.events));
			update.setArray(6, BatchSql.column(connection, "int8", sums, (sum) -> sum.bytes));
			update.setArray(7, BatchSql.column(connection, "bool", sums, (sum) -> sum.fullSnapshot));
			update.setArray(8, BatchSql.column(connection, "text", sums, (sum) -> sum.firstUrl));
			update.setArray(9, BatchSql.column(connection, "text", sums, (sum) -> sum.userAgent));
			update.setArray(10, BatchSql.column(connection, "text", sums, (sum) -> sum.userId));
			update.setArray(11, BatchSql.column(connection, "text", sums, (sum) -> sum.userName));
			update.setArray(12, BatchSql.column(connection, "text", sums, (sum) -> sum.userEmail));
			update.executeUpdate();
		}
	}

	/**
	 * A session row locked for the batch.
	 *
	 * @param applicationId the application that recorded it
	 * @param number the number its segment rows name it by
	 */
	record LockedSession(UUID applicationId, long number) {

	}

	/**
	 * A session row as the first segment that names it would create it.
	 */
	private record NewSession(String id, UUID applicationId, String source, long startedAt, long endedAt) {

		static NewSession of(NewSegment segment) {
			return new NewSession(segment.sessionId(), segment.applicationId(), segment.source(),
					segment.summary().firstTimestamp(), segment.summary().lastTimestamp());
		}

		NewSession widen(NewSession later) {
			return new NewSession(this.id, this.applicationId, this.source, Math.min(this.startedAt, later.startedAt),
					Math.max(this.endedAt, later.endedAt));
		}

	}

	/**
	 * The sum of a session's new segments, applied as one update; text facts keep the
	 * precedence that one update per segment, in arrival order, would give them.
	 */
	private static final class SessionChange {

		private long startedAt = Long.MAX_VALUE;

		private long endedAt = Long.MIN_VALUE;

		private int segments;

		private long events;

		private long bytes;

		private boolean fullSnapshot;

		private @Nullable String firstUrl;

		private @Nullable String userAgent;

		private @Nullable String userId;

		private @Nullable String userName;

		private @Nullable String userEmail;

		void add(NewSegment segment) {
			this.startedAt = Math.min(this.startedAt, segment.summary().firstTimestamp());
			this.endedAt = Math.max(this.endedAt, segment.summary().lastTimestamp());
			this.segments++;
			this.events += segment.summary().eventCount();
			this.bytes += segment.body().length;
			this.fullSnapshot |= segment.summary().hasFullSnapshot();
			this.firstUrl = (this.firstUrl != null) ? this.firstUrl : segment.context().url();
			this.userAgent = (this.userAgent != null) ? this.userAgent : segment.context().userAgent();
			this.userId = (segment.context().userId() != null) ? segment.context().userId() : this.userId;
			this.userName = (segment.context().userName() != null) ? segment.context().userName() : this.userName;
			this.userEmail = (segment.context().userEmail() != null) ? segment.context().userEmail() : this.userEmail;
		}

	}

}
