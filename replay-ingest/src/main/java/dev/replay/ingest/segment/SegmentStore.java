package dev.replay.ingest.segment;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredPart;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * Writes segments and keeps their sessions' rows up to date. Many requests' segments
 * share one transaction: each kind of row goes in as one statement over arrays
 * ({@link SessionRows}, {@link RequestRows}, {@link SegmentRows}, {@link ViewRows}), and
 * each session row is updated once with the sum of its new segments. Every write takes
 * its row locks in the same order (sessions, request ids, segments, views, each sorted by
 * key) so that concurrent transactions cannot deadlock each other. The statements work on
 * the JDBC connection itself (ADR 0018). The pool resets the connection's auto-commit
 * when it is returned.
 */
@Repository
class SegmentStore {

	private final DataSource dataSource;

	private final RecordingStorage storage;

	private final SQLExceptionTranslator translator;

	SegmentStore(DataSource dataSource, RecordingStorage storage) {
		this.dataSource = dataSource;
		this.storage = storage;
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
	 * @throws dev.replay.ingest.storage.StorageUnavailableException if the segments'
	 * bytes could not be stored, before the transaction
	 */
	List<WriteResult> storeAll(List<SegmentWrite> writes) {
		// the bytes first, all in one object with the object store: the rows that point
		// into it are committed only once it is there
		List<NewSegment> segments = writes.stream().flatMap((write) -> write.segments().stream()).toList();
		List<StoredPart> stored = this.storage.store(ObjectKind.BATCH,
				segments.stream().map(NewSegment::body).toList());
		Map<NewSegment, StoredPart> parts = new IdentityHashMap<>();
		for (int i = 0; i < segments.size(); i++) {
			parts.put(segments.get(i), stored.get(i));
		}
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				List<WriteResult> results = write(connection, writes, parts);
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

	private static List<WriteResult> write(Connection connection, List<SegmentWrite> writes,
			Map<NewSegment, StoredPart> parts) throws SQLException {
		@Nullable WriteResult[] results = new WriteResult[writes.size()];
		Map<String, SessionRows.LockedSession> sessions = SessionRows.lock(connection, writes);
		Set<String> buried = SessionRows.buried(connection,
				writes.stream()
					.flatMap((write) -> write.segments().stream())
					.map(NewSegment::sessionId)
					.filter((id) -> !sessions.containsKey(id))
					.collect(Collectors.toSet()));
		List<Integer> claiming = new ArrayList<>();
		for (int i = 0; i < writes.size(); i++) {
			String gone = buriedSession(writes.get(i), buried);
			String conflict = conflictingSession(writes.get(i), sessions);
			if (gone != null) {
				results[i] = WriteResult.sessionGone(gone);
			}
			else if (conflict != null) {
				results[i] = WriteResult.sessionConflict(conflict);
			}
			else if (writes.get(i).claimsRequest()) {
				claiming.add(i);
			}
		}
		RequestRows.claim(connection, writes, claiming, results);
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
		List<NewSegment> inserted = SegmentRows.insert(connection, segments, parts, sessions);
		int[] stored = new int[writes.size()];
		for (NewSegment segment : inserted) {
			stored[writeOf.get(segment)]++;
		}
		// aggregate in the order the writes arrived
		List<NewSegment> insertedInOrder = new ArrayList<>(inserted);
		insertedInOrder.sort(Comparator.comparingInt(writeOf::get));
		SessionRows.update(connection, insertedInOrder);
		ViewRows.upsert(connection, insertedInOrder);
		List<WriteResult> list = new ArrayList<>(writes.size());
		for (int i = 0; i < writes.size(); i++) {
			WriteResult result = results[i];
			list.add((result != null) ? result
					: WriteResult.written(stored[i], writes.get(i).segments().size() - stored[i]));
		}
		return list;
	}

	private static @Nullable String buriedSession(SegmentWrite write, Set<String> buried) {
		for (NewSegment segment : write.segments()) {
			if (buried.contains(segment.sessionId())) {
				return segment.sessionId();
			}
		}
		return null;
	}

	private static @Nullable String conflictingSession(SegmentWrite write,
			Map<String, SessionRows.LockedSession> sessions) {
		for (NewSegment segment : write.segments()) {
			SessionRows.LockedSession session = sessions.get(segment.sessionId());
			if (session == null || !segment.applicationId().equals(session.applicationId())) {
				return segment.sessionId();
			}
		}
		return null;
	}

}
