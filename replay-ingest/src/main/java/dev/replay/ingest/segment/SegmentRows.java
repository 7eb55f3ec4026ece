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
	 * @return the segments that were new, in key order, each once
	 * @throws SQLException if the statement fails
	 */
	static List<NewSegment> insert(Connection connection, List<NewSegment> segments, Map<NewSegment, StoredPart> parts)
			throws SQLException {
		if (segments.isEmpty()) {
			return List.of();
		}
		List<NewSegment> ordered = distinctInOrder(segments);
		List<StoredPart> orderedParts = ordered.stream().map(parts::get).toList();
		Map<String, Long> objects = StoredObjects.register(connection, ObjectKind.BATCH, orderedParts);
		Set<String> stored = new HashSet<>();
		// one statement for the whole batch: executing it once per row cost PostgreSQL
		// more than the rows themselves
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						insert into segment (session_id, dedup_key, sequence, view_id, format, encoding, first_event_at,
						    last_event_at, event_count, has_full_snapshot, received_bytes, body, object_id, object_offset,
						    object_length, checksum)
						select session_id, dedup_key, sequence, view_id, format, encoding, %s, %s,
						    event_count, has_full_snapshot, received_bytes, body, object_id, object_offset, object_length, checksum
						from unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
						    ?::int[], ?::boolean[], ?::int[], ?::bytea[], ?::bigint[], ?::bigint[], ?::int[], ?::int[])
						    as s (session_id, dedup_key, sequence, view_id, format, encoding, first_ms, last_ms, event_count,
						        has_full_snapshot, received_bytes, body, object_id, object_offset, object_length, checksum)
						on conflict (session_id, dedup_key) do nothing
						returning session_id, dedup_key"""
					.formatted(BatchSql.instant("first_ms"), BatchSql.instant("last_ms")))) {
			bindColumns(connection, insert, ordered);
			bindParts(connection, insert, orderedParts, objects);
			try (ResultSet rows = insert.executeQuery()) {
				while (rows.next()) {
					stored.add(BatchSql.key(rows.getString(1), rows.getString(2)));
				}
			}
		}
		List<NewSegment> inserted = new ArrayList<>(stored.size());
		for (NewSegment segment : ordered) {
			if (stored.contains(BatchSql.key(segment.sessionId(), segment.dedupKey()))) {
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
		insert.setArray(1, BatchSql.column(connection, "text", segments, NewSegment::sessionId));
		insert.setArray(2, BatchSql.column(connection, "text", segments, NewSegment::dedupKey));
		insert.setArray(3, BatchSql.column(connection, "int4", segments, NewSegment::sequence));
		insert.setArray(4, BatchSql.column(connection, "text", segments, NewSegment::viewId));
		insert.setArray(5, BatchSql.column(connection, "text", segments, NewSegment::format));
		insert.setArray(6, BatchSql.column(connection, "text", segments, (segment) -> segment.encoding().code()));
		insert.setArray(7,
				BatchSql.column(connection, "int8", segments, (segment) -> segment.summary().firstTimestamp()));
		insert.setArray(8,
				BatchSql.column(connection, "int8", segments, (segment) -> segment.summary().lastTimestamp()));
		insert.setArray(9, BatchSql.column(connection, "int4", segments, (segment) -> segment.summary().eventCount()));
		insert.setArray(10,
				BatchSql.column(connection, "bool", segments, (segment) -> segment.summary().hasFullSnapshot()));
		insert.setArray(11, BatchSql.column(connection, "int4", segments, NewSegment::receivedBytes));
	}

	// where each segment's bytes are: in the row (a binary bytea[], as pgjdbc sends an
	// array of byte arrays) or in an object
	private static void bindParts(Connection connection, PreparedStatement insert, List<StoredPart> parts,
			Map<String, Long> objects) throws SQLException {
		insert.setObject(12, parts.stream().map(StoredPart::inline).toArray(byte[][]::new));
		insert.setArray(13, BatchSql.column(connection, "int8", parts,
				(part) -> (part.objectKey() != null) ? objects.get(part.objectKey()) : null));
		insert.setArray(14, BatchSql.column(connection, "int8", parts, (part) -> inObject(part, part.offset())));
		insert.setArray(15, BatchSql.column(connection, "int4", parts, (part) -> inObject(part, part.length())));
		insert.setArray(16, BatchSql.column(connection, "int4", parts, (part) -> inObject(part, part.checksum())));
	}

	private static @Nullable Object inObject(StoredPart part, Object value) {
		return part.isInRow() ? null : value;
	}

}
