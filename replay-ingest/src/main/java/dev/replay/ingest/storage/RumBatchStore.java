package dev.replay.ingest.storage;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps raw batches of Datadog RUM and log events with the sessions they name.
 */
@Repository
public class RumBatchStore {

	private final JdbcClient jdbc;

	RumBatchStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Store a batch unless one with the same request id is stored.
	 * @param batch the batch
	 * @return {@code true} if it was new; the data is committed when this returns
	 */
	@Transactional
	public boolean store(NewRumBatch batch) {
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
		return true;
	}

}
