package dev.replay.ingest.segment;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGStatement;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * Writes segments and keeps their sessions' rows up to date. Many requests' segments
 * share one transaction: each kind of row goes in as one statement over arrays, and each
 * session row is updated once with the sum of its new segments. Every write takes its row
 * locks in the same order (sessions, request ids, segments, views, each sorted by key) so
 * that concurrent transactions cannot deadlock each other. The pool resets the
 * connection's auto-commit when it is returned.
 */
@Repository
class SegmentStore {

	private static final Comparator<NewSegment> SEGMENT_ORDER = Comparator.comparing(NewSegment::sessionId)
		.thenComparing(NewSegment::dedupKey);

	private final DataSource dataSource;

	private final SQLExceptionTranslator translator;

	SegmentStore(DataSource dataSource) {
		this.dataSource = dataSource;
		this.translator = new SQLErrorCodeSQLExceptionTranslator(dataSource);
	}

	/**
	 * Write requests' segments in one transaction. A write whose session belongs to
	 * another application, or whose request id was seen before, changes nothing; the
	 * others are stored.
	 * @param writes the writes
	 * @return the result of each write, in the same order; the data is committed when
	 * this returns
	 * @throws org.springframework.dao.DataAccessException if the transaction fails, in
	 * which case none of the writes is stored
	 */
	List<WriteResult> storeAll(List<SegmentWrite> writes) {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				List<WriteResult> results = write(connection, writes);
				connection.commit();
				return results;
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection, ex);
				throw ex;
			}
		}
		catch (SQLException ex) {
			DataAccessException translated = this.translator.translate("store segments", null, ex);
			throw (translated != null) ? translated : new UncategorizedSQLException("store segments", null, ex);
		}
	}

	private static void rollback(Connection connection, Exception failure) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private List<WriteResult> write(Connection connection, List<SegmentWrite> writes) throws SQLException {
		@Nullable WriteResult[] results = new WriteResult[writes.size()];
		Map<String, UUID> owners = lockSessions(connection, writes);
		List<Integer> claiming = new ArrayList<>();
		for (int i = 0; i < writes.size(); i++) {
			String conflict = conflictingSession(writes.get(i), owners);
			if (conflict != null) {
				results[i] = WriteResult.sessionConflict(conflict);
			}
			else if (writes.get(i).claimsRequest()) {
				claiming.add(i);
			}
		}
		claimRequests(connection, writes, claiming, results);
		List<NewSegment> segments = new ArrayList<>();
		Map<NewSegment, Integer> writeOf = new IdentityHashMap<>();
		for (int i = 0; i < writes.size(); i++) {
			if (results[i] == null) {
				for (NewSegment segment : writes.get(i).segments()) {
					segments.add(segment);
					writeOf.put(segment, i);
				}
			}
		}
		List<NewSegment> inserted = insertSegments(connection, segments);
		int[] stored = new int[writes.size()];
		for (NewSegment segment : inserted) {
			stored[writeOf.get(segment)]++;
		}
		// aggregate in the order the writes arrived
		List<NewSegment> insertedInOrder = new ArrayList<>(inserted);
		insertedInOrder.sort(Comparator.comparingInt(writeOf::get));
		updateSessions(connection, insertedInOrder);
		upsertViews(connection, insertedInOrder);
		List<WriteResult> list = new ArrayList<>(writes.size());
		for (int i = 0; i < writes.size(); i++) {
			WriteResult result = results[i];
			list.add((result != null) ? result
					: WriteResult.written(stored[i], writes.get(i).segments().size() - stored[i]));
		}
		return list;
	}

	private Map<String, UUID> lockSessions(Connection connection, List<SegmentWrite> writes) throws SQLException {
		Map<String, NewSession> sessions = new TreeMap<>();
		for (SegmentWrite write : writes) {
			for (NewSegment segment : write.segments()) {
				sessions.merge(segment.sessionId(), NewSession.of(segment), NewSession::widen);
			}
		}
		insertSessions(connection, List.copyOf(sessions.values()));
		Map<String, UUID> owners = new HashMap<>();
		try (PreparedStatement select = connection.prepareStatement(
				"select id, application_id from replay_session where id = any (?) order by id for update")) {
			planEachTime(select);
			Array ids = connection.createArrayOf("text", sessions.keySet().toArray());
			select.setArray(1, ids);
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					owners.put(rows.getString(1), rows.getObject(2, UUID.class));
				}
			}
			ids.free();
		}
		return owners;
	}

	// in id order, like every lock the transaction takes
	private static void insertSessions(Connection connection, List<NewSession> sessions) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into replay_session (id, application_id, source, started_at, ended_at)
				select id, application_id, source, %s, %s
				from unnest(?::text[], ?::uuid[], ?::text[], ?::bigint[], ?::bigint[])
				    as s (id, application_id, source, started_ms, ended_ms)
				on conflict (id) do nothing""".formatted(instant("started_ms"), instant("ended_ms")))) {
			insert.setArray(1, column(connection, "text", sessions, NewSession::id));
			insert.setArray(2, column(connection, "uuid", sessions, NewSession::applicationId));
			insert.setArray(3, column(connection, "text", sessions, NewSession::source));
			insert.setArray(4, column(connection, "int8", sessions, NewSession::startedAt));
			insert.setArray(5, column(connection, "int8", sessions, NewSession::endedAt));
			insert.executeUpdate();
		}
	}

	// PostgreSQL would keep the plan it made for a connection's first executions: made
	// while the table was small, a sequential scan, it then read the whole table for
	// every batch. Statements that look sessions up are planned for their own ids each
	// time instead.
	private static void planEachTime(PreparedStatement statement) throws SQLException {
		if (statement.isWrapperFor(PGStatement.class)) {
			statement.unwrap(PGStatement.class).setPrepareThreshold(0);
		}
	}

	private static @Nullable String conflictingSession(SegmentWrite write, Map<String, UUID> owners) {
		for (NewSegment segment : write.segments()) {
			if (!segment.applicationId().equals(owners.get(segment.sessionId()))) {
				return segment.sessionId();
			}
		}
		return null;
	}

	private void claimRequests(Connection connection, List<SegmentWrite> writes, List<Integer> claiming,
			@Nullable WriteResult[] results) throws SQLException {
		if (claiming.isEmpty()) {
			return;
		}
		List<Integer> ordered = new ArrayList<>(claiming);
		ordered.sort(Comparator.comparing((Integer i) -> Objects.requireNonNull(writes.get(i).requestApplicationId()))
			.thenComparing((i) -> Objects.requireNonNull(writes.get(i).requestId())));
		List<SegmentWrite> claims = ordered.stream().map(writes::get).toList();
		Set<String> claimed = new HashSet<>();
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into intake_request (application_id, request_id)
				select * from unnest(?::uuid[], ?::text[])
				on conflict do nothing
				returning application_id, request_id""")) {
			insert.setArray(1, column(connection, "uuid", claims, SegmentWrite::requestApplicationId));
			insert.setArray(2, column(connection, "text", claims, SegmentWrite::requestId));
			try (ResultSet rows = insert.executeQuery()) {
				while (rows.next()) {
					claimed.add(key(rows.getObject(1, UUID.class), rows.getString(2)));
				}
			}
		}
		for (int k = 0; k < ordered.size(); k++) {
			// remove, so that a request id repeated within the batch is claimed once
			if (!claimed.remove(key(claims.get(k).requestApplicationId(), claims.get(k).requestId()))) {
				int i = ordered.get(k);
				results[i] = WriteResult.requestSeen(writes.get(i).segments().size());
			}
		}
	}

	private List<NewSegment> insertSegments(Connection connection, List<NewSegment> segments) throws SQLException {
		if (segments.isEmpty()) {
			return List.of();
		}
		List<NewSegment> ordered = distinctInOrder(segments);
		Set<String> stored = new HashSet<>();
		// one statement for the whole batch: executing it once per row cost PostgreSQL
		// more than the rows themselves
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into segment (session_id, dedup_key, sequence, view_id, format, encoding, first_event_at,
				    last_event_at, event_count, has_full_snapshot, received_bytes, body)
				select session_id, dedup_key, sequence, view_id, format, encoding, %s, %s,
				    event_count, has_full_snapshot, received_bytes, body
				from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
				    ?::int[], ?::boolean[], ?::int[], ?::bytea[])
				    as s (session_id, dedup_key, sequence, view_id, format, encoding, first_ms, last_ms, event_count,
				        has_full_snapshot, received_bytes, body)
				on conflict (session_id, dedup_key) do nothing
				returning session_id, dedup_key""".formatted(instant("first_ms"), instant("last_ms")))) {
			bindColumns(connection, insert, ordered);
			try (ResultSet rows = insert.executeQuery()) {
				while (rows.next()) {
					stored.add(key(rows.getString(1), rows.getString(2)));
				}
			}
		}
		List<NewSegment> inserted = new ArrayList<>(stored.size());
		for (NewSegment segment : ordered) {
			if (stored.contains(key(segment.sessionId(), segment.dedupKey()))) {
				inserted.add(segment);
			}
		}
		return inserted;
	}

	// sorted by key, each segment once: one repeated within the batch is stored once, as
	// a later delivery of it would be
	private static List<NewSegment> distinctInOrder(List<NewSegment> segments) {
		List<NewSegment> sorted = new ArrayList<>(segments);
		sorted.sort(SEGMENT_ORDER);
		List<NewSegment> distinct = new ArrayList<>(sorted.size());
		for (NewSegment segment : sorted) {
			if (distinct.isEmpty() || SEGMENT_ORDER.compare(distinct.get(distinct.size() - 1), segment) != 0) {
				distinct.add(segment);
			}
		}
		return distinct;
	}

	// one array per column of the segment insert, in its parameters' order
	private static void bindColumns(Connection connection, PreparedStatement insert, List<NewSegment> segments)
			throws SQLException {
		insert.setArray(1, column(connection, "text", segments, NewSegment::sessionId));
		insert.setArray(2, column(connection, "text", segments, NewSegment::dedupKey));
		insert.setArray(3, column(connection, "int4", segments, NewSegment::sequence));
		insert.setArray(4, column(connection, "text", segments, NewSegment::viewId));
		insert.setArray(5, column(connection, "text", segments, NewSegment::format));
		insert.setArray(6, column(connection, "text", segments, (segment) -> segment.encoding().code()));
		insert.setArray(7, column(connection, "int8", segments, (segment) -> segment.summary().firstTimestamp()));
		insert.setArray(8, column(connection, "int8", segments, (segment) -> segment.summary().lastTimestamp()));
		insert.setArray(9, column(connection, "int4", segments, (segment) -> segment.summary().eventCount()));
		insert.setArray(10, column(connection, "bool", segments, (segment) -> segment.summary().hasFullSnapshot()));
		insert.setArray(11, column(connection, "int4", segments, NewSegment::receivedBytes));
		// pgjdbc sends an array of byte arrays as a binary bytea[]
		insert.setObject(12, segments.stream().map(NewSegment::body).toArray(byte[][]::new));
	}

	private void updateSessions(Connection connection, List<NewSegment> inserted) throws SQLException {
		if (inserted.isEmpty()) {
			return;
		}
		Map<String, SessionChange> changes = new TreeMap<>();
		for (NewSegment segment : inserted) {
			changes.computeIfAbsent(segment.sessionId(), (id) -> new SessionChange()).add(segment);
		}
		List<String> ids = List.copyOf(changes.keySet());
		List<SessionChange> sums = List.copyOf(changes.values());
		// the rows were locked in id order by lockSessions
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
				where s.id = c.id""".formatted(instant("c.started_ms"), instant("c.ended_ms")))) {
			// a join whose plan must follow the table's size, as the lock's does
			planEachTime(update);
			update.setArray(1, column(connection, "text", ids, (id) -> id));
			update.setArray(2, column(connection, "int8", sums, (sum) -> sum.startedAt));
			update.setArray(3, column(connection, "int8", sums, (sum) -> sum.endedAt));
			update.setArray(4, column(connection, "int4", sums, (sum) -> sum.segments));
			update.setArray(5, column(connection, "int8", sums, (sum) -> sum.events));
			update.setArray(6, column(connection, "int8", sums, (sum) -> sum.bytes));
			update.setArray(7, column(connection, "bool", sums, (sum) -> sum.fullSnapshot));
			update.setArray(8, column(connection, "text", sums, (sum) -> sum.firstUrl));
			update.setArray(9, column(connection, "text", sums, (sum) -> sum.userAgent));
			update.setArray(10, column(connection, "text", sums, (sum) -> sum.userId));
			update.setArray(11, column(connection, "text", sums, (sum) -> sum.userName));
			update.setArray(12, column(connection, "text", sums, (sum) -> sum.userEmail));
			update.executeUpdate();
		}
	}

	// a view row changes only when a segment moves its start earlier or brings its first
	// URL: an update that changes nothing would still write a row version and index
	// entries
	private void upsertViews(Connection connection, List<NewSegment> inserted) throws SQLException {
		Map<String, Map<String, ViewChange>> views = new TreeMap<>();
		for (NewSegment segment : inserted) {
			if (segment.viewId() != null) {
				views.computeIfAbsent(segment.sessionId(), (id) -> new TreeMap<>())
					.merge(segment.viewId(),
							new ViewChange(segment.summary().firstTimestamp(), segment.context().url()),
							ViewChange::merge);
			}
		}
		if (views.isEmpty()) {
			return;
		}
		List<ViewRow> rows = new ArrayList<>();
		views.forEach((sessionId, ofSession) -> ofSession
			.forEach((viewId, change) -> rows.add(new ViewRow(sessionId, viewId, change))));
		try (PreparedStatement upsert = connection.prepareStatement("""
				insert into session_view (session_id, id, url, started_at)
				select session_id, id, url, %s
				from unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) as v (session_id, id, url, started_ms)
				on conflict (session_id, id) do update
				set started_at = least(session_view.started_at, excluded.started_at),
				    url = coalesce(session_view.url, excluded.url)
				where excluded.started_at < session_view.started_at
				    or (session_view.url is null and excluded.url is not null)""".formatted(instant("started_ms")))) {
			upsert.setArray(1, column(connection, "text", rows, ViewRow::sessionId));
			upsert.setArray(2, column(connection, "text", rows, ViewRow::id));
			upsert.setArray(3, column(connection, "text", rows, (row) -> row.change().url()));
			upsert.setArray(4, column(connection, "int8", rows, (row) -> row.change().startedAt()));
			upsert.executeUpdate();
		}
	}

	// one value of each row, as an SQL array of the given element type
	private static <T> Array column(Connection connection, String type, List<T> rows, Function<T, ?> value)
			throws SQLException {
		Object[] values = new Object[rows.size()];
		for (int k = 0; k < values.length; k++) {
			values[k] = value.apply(rows.get(k));
		}
		return connection.createArrayOf(type, values);
	}

	// what identifies a row by two values, for matching the rows a statement returned
	private static String key(Object first, Object second) {
		return first + "\u0000" + second;
	}

	// SQL for the instant of a column of epoch milliseconds, exact to the millisecond
	private static String instant(String epochMillis) {
		return "'epoch'::timestamptz + " + epochMillis + " * interval '1 millisecond'";
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

	/**
	 * A view's row in the upsert.
	 */
	private record ViewRow(String sessionId, String id, ViewChange change) {

	}

	/**
	 * What a batch's segments say about a view.
	 */
	private record ViewChange(long startedAt, @Nullable String url) {

		ViewChange merge(ViewChange later) {
			return new ViewChange(Math.min(this.startedAt, later.startedAt), (this.url != null) ? this.url : later.url);
		}

	}

}
