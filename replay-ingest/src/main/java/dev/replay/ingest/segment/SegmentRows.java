package dev.replay.ingest.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.StoredObjects;
import dev.replay.ingest.storage.StoredPart;
import org.jspecify.annotations.Nullable;

/**
 * The segment rows of a batch, inserted in key order in one statement; a segment stored
 * before is left as it is.
 */
final class SegmentRows {

	private static final Comparator<NewSegment> SEGMENT_ORDER = Comparator.comparing(NewSegment::sessionId)
		.thenComparing(NewSegment::dedupKey);

	private SegmentRows() {
	}

	/**
	 * Insert the segments that are new.
	 * @param connection the transaction's connection
	 * @param segments the segments
	 * @param parts where the bytes of each segment are stored
	 * @param sessions the locked sessions of the segments, by id
	 * @return the segments that were new, in key order, each once
	 * @throws SQLException if the statement fails
	 */
	static List<NewSegment> insert(Connection connection, List<NewSegment> segments, Map<NewSegment, StoredPart> parts,
			Map<String, SessionRows.LockedSession> sessions) throws SQLException {
		if (segments.isEmpty()) {
			return List.of();
		}
		List<NewSegment> ordered = distinctInOrder(segments);
		List<StoredPart> orderedParts = ordered.stream().map(parts::get).toList();
		Map<String, Long> objects = StoredObjects.register(connection, ObjectKind.BATCH, orderedParts);
		Set<SegmentKey> stored = new HashSet<>();
		// one statement for the whole batch: executing it once per row cost PostgreSQL
		// more than the rows themselves
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						insert into segment (session_number, dedup_hash, first_event_at, last_event_at, object_id, object_offset,
						    sequence, object_length, checksum, format, encoding, body)
						select session_number, dedup_hash, %s, %s, object_id, object_offset, sequence, object_length, checksum,
						    format::segment_format, encoding::content_encoding, body
						from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::int[],
						    ?::int[], ?::int[], ?::text[], ?::text[], ?::bytea[])
						    as s (session_number, dedup_hash, first_ms, last_ms, object_id, object_offset, sequence,
						        object_length, checksum, format, encoding, body)
						on conflict (session_number, dedup_hash) do nothing
						returning session_number, dedup_hash"""
					.formatted(BatchSql.instant("first_ms"), BatchSql.instant("last_ms")))) {
			List<SegmentKey> keys = ordered.stream()
				.map((segment) -> SegmentKey.of(segment, sessions.get(segment.sessionId())))
				.toList();
			bindColumns(connection, insert, ordered, keys);
			bindParts(connection, insert, orderedParts, objects);
			try (ResultSet rows = insert.executeQuery()) {
				while (rows.next()) {
					stored.add(new SegmentKey(rows.getLong(1), rows.getLong(2)));
				}
			}
			List<NewSegment> inserted = new ArrayList<>(stored.size());
			for (int i = 0; i < ordered.size(); i++) {
				if (stored.remove(keys.get(i))) {
					inserted.add(ordered.get(i));
				}
			}
			return inserted;
		}
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
	private static void bindColumns(Connection connection, PreparedStatement insert, List<NewSegment> segments,
			List<SegmentKey> keys) throws SQLException {
		insert.setArray(1, BatchSql.column(connection, "int8", keys, SegmentKey::sessionNumber));
		insert.setArray(2, BatchSql.column(connection, "int8", keys, SegmentKey::dedupHash));
		insert.setArray(3,
				BatchSql.column(connection, "int8", segments, (segment) -> segment.summary().firstTimestamp()));
		insert.setArray(4,
				BatchSql.column(connection, "int8", segments, (segment) -> segment.summary().lastTimestamp()));
		insert.setArray(7, BatchSql.column(connection, "int4", segments, NewSegment::sequence));
		insert.setArray(10, BatchSql.column(connection, "text", segments, NewSegment::format));
		insert.setArray(11, BatchSql.column(connection, "text", segments, (segment) -> segment.encoding().code()));
	}

	// where each segment's bytes are: in the row (a binary bytea[], as pgjdbc sends an
	// array of byte arrays) or in an object
	private static void bindParts(Connection connection, PreparedStatement insert, List<StoredPart> parts,
			Map<String, Long> objects) throws SQLException {
		insert.setArray(5, BatchSql.column(connection, "int8", parts,
				(part) -> (part.objectKey() != null) ? objects.get(part.objectKey()) : null));
		insert.setArray(6, BatchSql.column(connection, "int8", parts, (part) -> inObject(part, part.offset())));
		insert.setArray(8, BatchSql.column(connection, "int4", parts, (part) -> inObject(part, part.length())));
		insert.setArray(9, BatchSql.column(connection, "int4", parts, (part) -> inObject(part, part.checksum())));
		insert.setObject(12, parts.stream().map(StoredPart::inline).toArray(byte[][]::new));
	}

	private static @Nullable Object inObject(StoredPart part, Object value) {
		return part.isInRow() ? null : value;
	}

	// what identifies a segment row
	private record SegmentKey(long sessionNumber, long dedupHash) {

		static SegmentKey of(NewSegment segment, SessionRows.LockedSession session) {
			return new SegmentKey(session.number(), DedupHash.of(segment.dedupKey()));
		}

	}

}
