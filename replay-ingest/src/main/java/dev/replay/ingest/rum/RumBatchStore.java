package dev.replay.ingest.rum;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps raw batches of Datadog RUM and log events with the sessions they name, and the
 * RUM events of a batch in typed rows, in the same transaction.
 */
@Repository
@NamedInterface("api")
public class RumBatchStore {

	private final JdbcClient jdbc;

	private final RumEventStore events;

	RumBatchStore(JdbcClient jdbc, RumEventStore events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Store a batch unless one with the same request id is stored.
	 * @param batch the batch
	 * @param typed whether to store its RUM events in typed rows too
	 * @return {@code true} if it was new; the data is committed when this returns
	 */
	@Transactional
	public boolean store(NewRumBatch batch, boolean typed) {
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
			this.jdbc.sql("insert into rum_batch_session (batch_id, session_id) values (?, ?) on conflict do nothing")
				.params(inserted.get(0), sessionId)
				.update();
		}
		if (typed) {
			this.events.storeDatadog(inserted.get(0), batch.events());
		}
		return true;
	}

}
