package dev.replay.ingest.segment;

import java.util.List;
import java.util.Objects;

import dev.replay.ingest.storage.StorageUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Commits a batch in one transaction and completes each write's result. When the batch
 * fails, its writes are tried again one transaction each, so that one bad write fails
 * alone; a write alone is tried again after a deadlock or a serialization failure.
 */
@Component
class SegmentWriter {

	private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);

	// a write alone is tried again after a deadlock or a serialization failure
	private static final int MAX_ATTEMPTS_ALONE = 3;

	private final SegmentStore store;

	private final IntakeAvailability availability;

	private final IntakeActivity activity;

	private final IntakeMetrics metrics;

	SegmentWriter(SegmentStore store, IntakeAvailability availability, IntakeActivity activity, IntakeMetrics metrics) {
		this.store = store;
		this.availability = availability;
		this.activity = activity;
		this.metrics = metrics;
	}

	/**
	 * Commit a batch and answer each of its writes, with its result or its failure.
	 * @param batch the writes, none repeating another's request id or segment
	 */
	void commit(List<PendingWrite> batch) {
		List<SegmentWrite> writes = batch.stream().map(PendingWrite::write).toList();
		int segments = batch.stream().mapToInt(PendingWrite::segments).sum();
		long started = System.nanoTime();
		try {
			List<WriteResult> results = this.store.storeAll(writes);
			this.metrics.committed(segments, System.nanoTime() - started, true);
			this.availability.markReachable();
			this.activity.committed(segments);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).result().complete(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			this.metrics.committed(segments, System.nanoTime() - started, false);
			if (IntakeAvailability.isUnreachable(ex)) {
				this.availability.markUnreachable(ex);
				batch.forEach((pending) -> pending.result().completeExceptionally(ex));
				return;
			}
			if (ex instanceof StorageUnavailableException) {
				// nothing was written: each request is answered 503
				LOG.warn("A batch of {} writes was not stored: {}", batch.size(), ex.getMessage());
				batch.forEach((pending) -> pending.result().completeExceptionally(ex));
				return;
			}
			if (batch.size() > 1) {
				// each write that fails again alone is logged then
				LOG.debug("A batch of {} writes failed; writing them one by one: {}", batch.size(), ex.toString());
			}
			for (PendingWrite pending : batch) {
				commitAlone(pending, (batch.size() > 1) ? null : ex);
			}
		}
	}

	private void commitAlone(PendingWrite pending, @Nullable RuntimeException first) {
		RuntimeException failure = first;
		for (int attempt = 0; attempt < MAX_ATTEMPTS_ALONE; attempt++) {
			if (failure != null && !(failure instanceof ConcurrencyFailureException)) {
				break;
			}
			long started = System.nanoTime();
			try {
				WriteResult result = this.store.storeAll(List.of(pending.write())).get(0);
				this.metrics.committed(pending.segments(), System.nanoTime() - started, true);
				pending.result().complete(result);
				return;
			}
			catch (RuntimeException ex) {
				this.metrics.committed(pending.segments(), System.nanoTime() - started, false);
				failure = ex;
			}
		}
		Objects.requireNonNull(failure);
		if (IntakeAvailability.isUnreachable(failure)) {
			this.availability.markUnreachable(failure);
		}
		else if (failure instanceof DataIntegrityViolationException refused) {
			// bad data of one request: one line, without the stack trace
			LOG.warn("Segments of session {} were refused by the database: {}", pending.sessionId(),
					refused.getMostSpecificCause().getMessage());
		}
		else {
			LOG.error("Segments of session {} could not be stored", pending.sessionId(), failure);
		}
		pending.result().completeExceptionally(failure);
	}

}
