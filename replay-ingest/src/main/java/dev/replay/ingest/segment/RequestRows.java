package dev.replay.ingest.segment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The request ids of a batch: a write whose request id was claimed before, by an earlier
 * transaction or by an earlier write of the same batch, is a retry and changes nothing.
 */
final class RequestRows {

	private RequestRows() {
	}

	/**
	 * Claim the request ids of the writes that have one, in key order.
	 * @param connection the transaction's connection
	 * @param writes the writes of the batch
	 * @param claiming the indexes of the writes that claim a request id
	 * @param results the results so far, by index; a write whose id was seen before gets
	 * its result here
	 * @throws SQLException if the statement fails
	 */
	static void claim(Connection connection, List<SegmentWrite> writes, List<Integer> claiming,
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
			insert.setArray(1, BatchSql.column(connection, "uuid", claims, SegmentWrite::requestApplicationId));
			insert.setArray(2, BatchSql.column(connection, "text", claims, SegmentWrite::requestId));
			try (ResultSet rows = insert.executeQuery()) {
				while (rows.next()) {
					claimed.add(BatchSql.key(rows.getObject(1, UUID.class), rows.getString(2)));
				}
			}
		}
		for (int k = 0; k < ordered.size(); k++) {
			// remove, so that a request id repeated within the batch is claimed once
			if (!claimed.remove(BatchSql.key(claims.get(k).requestApplicationId(), claims.get(k).requestId()))) {
				int i = ordered.get(k);
				results[i] = WriteResult.requestSeen(writes.get(i).segments().size());
			}
		}
	}

}
