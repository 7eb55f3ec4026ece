package dev.replay.ingest.rum;

import java.util.List;
import java.util.Set;

import dev.replay.ingest.segment.SessionTombstones;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps raw batches of Datadog RUM and log events with the sessions they name, and the
 * RUM events of a batch in typed rows, in the same transaction. Nothing is kept of a
 * session that was deleted or erased: its events are left out, and a batch that names
 * only such sessions is not kept at all.
 */
@Repository
@NamedInterface("api")
public class RumBatchStore {

	private final JdbcClient jdbc;

	private final RumEventStore events;

	private final SessionTombstones tombstones;

	RumBatchStore(JdbcClient jdbc, RumEventStore events, SessionTombstones tombstones) {
		this.jdbc = jdbc;
		this.events = events;
		this.tombstones = tombstones;
	}

	/**
	 * Store a batch unless one with the same request id is stored.
	 * @param batch the batch
	 * @param typed whether to store its RUM events in typed rows too
	 * @return {@code true} if it was new and names a session that was not deleted; the
	 * data is committed when this returns
	 */
	@Transactional
	public boolean store(NewRumBatch batch, boolean typed) {
		Set<String> buried = this.tombstones.buried(batch.sessionIds());
		if (!buried.isEmpty() && buried.containsAll(batch.sessionIds())) {
			return false;
		}
		List<Long> inserted = this.jdbc.sql("""
				insert into rum_batch (request_id, application_id, track, encoding, received_bytes, line_count,
				    skipped_lines, body)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (request_id) do nothing
				returning id""")
			.params(batch.requestId(), batch.applicationId(), batch.track(), batch.encoding().code(),
					batch.receivedBytes(), batch.lines(), batch.skippedLines(), batch.body())
			.query(Long.class)
			.list();
		if (inserted.isEmpty()) {
			return false;
		}
		for (String sessionId : batch.sessionIds()) {
			if (buried.contains(sessionId)) {
				continue;
			}
			this.jdbc.sql("insert into rum_batch_session (batch_id, session_id) values (?, ?) on conflict do nothing")
				.params(inserted.get(0), sessionId)
				.update();
		}
		if (typed) {
			this.events.storeDatadog(inserted.get(0), buried.isEmpty() ? batch.events()
					: batch.events().stream().filter((event) -> !buried.contains(event.sessionId())).toList());
		}
		return true;
	}

}
