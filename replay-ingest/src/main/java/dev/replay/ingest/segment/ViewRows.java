package dev.replay.ingest.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * The page views of a batch's new segments. A view row changes only when a segment moves
 * its start earlier or brings its first URL: an update that changes nothing would still
 * write a row version and index entries.
 */
final class ViewRows {

	private ViewRows() {
	}

	/**
	 * Create or update the views of the new segments, in key order.
	 * @param connection the transaction's connection
	 * @param inserted the segments that were new, in the order their writes arrived
	 * @throws SQLException if the statement fails
	 */
	static void upsert(Connection connection, List<NewSegment> inserted) throws SQLException {
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
				    or (session_view.url is null and excluded.url is not null)"""
			.formatted(BatchSql.instant("started_ms")))) {
			upsert.setArray(1, BatchSql.column(connection, "text", rows, ViewRow::sessionId));
			upsert.setArray(2, BatchSql.column(connection, "text", rows, ViewRow::id));
			upsert.setArray(3, BatchSql.column(connection, "text", rows, (row) -> row.change().url()));
			upsert.setArray(4, BatchSql.column(connection, "int8", rows, (row) -> row.change().startedAt()));
			upsert.executeUpdate();
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
