package dev.replay.ingest.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;

import dev.replay.ingest.retention.RetentionStore.ApplicationRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes, on a schedule, the sessions that ended longer ago than their application's
 * retention (but those held, see {@link SessionHolds}), the raw RUM batches (with their
 * typed events) no kept session needs, the RUM summaries of sessions that had no replay,
 * and the upload request ids too old to come back. Every batch is its own short
 * transaction, and the deletion of a batch of sessions is published as
 * {@link SessionsExpired} in it, so that the audit trail records it atomically.
 */
@Component
class RetentionJob {

	private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

	private final RetentionStore store;

	private final RetentionProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	RetentionJob(RetentionStore store, RetentionProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events) {
		this.store = store;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${replay.retention.interval:1h}",
			initialDelayString = "${replay.retention.initial-delay:1m}")
	void scheduledPass() {
		if (this.properties.enabled()) {
			try {
				RetentionReport report = pass();
				if (report.sessions() + report.rumBatches() + report.rumSessions() + report.requestIds() > 0) {
					LOG.info("Retention deleted {} sessions, {} RUM batches, {} RUM-only sessions and {} request ids",
							report.sessions(), report.rumBatches(), report.rumSessions(), report.requestIds());
				}
			}
			catch (RuntimeException ex) {
				LOG.warn("Retention pass failed; the next pass goes on where it stopped", ex);
			}
		}
	}

	RetentionReport pass() {
		Instant now = Instant.now();
		int batch = this.properties.batchSize();
		long sessions = 0;
		long rumBatches = 0;
		long rumSessions = 0;
		for (ApplicationRetention application : this.store.applications()) {
			Instant cutoff = now.minus(Duration.ofDays(application.retentionDays()));
			sessions += repeat(() -> deleteSessions(application, cutoff, batch), batch);
			rumBatches += repeat(
					() -> inTransaction(() -> this.store.deleteExpiredRumBatches(application.id(), cutoff, batch)),
					batch);
			rumSessions += repeat(
					() -> inTransaction(() -> this.store.deleteExpiredRumSessions(application.id(), cutoff, batch)),
					batch);
		}
		Instant requestCutoff = now.minus(this.properties.requestIdTtl());
		long requestIds = repeat(() -> inTransaction(() -> this.store.forgetRequestIds(requestCutoff, batch)), batch);
		return new RetentionReport(sessions, rumBatches, rumSessions, requestIds);
	}

	private int deleteSessions(ApplicationRetention application, Instant cutoff, int batch) {
		return inTransaction(() -> {
			List<String> expired = this.store.lockExpiredSessions(application.id(), cutoff, batch);
			if (expired.isEmpty()) {
				return 0;
			}
			int deleted = this.store.deleteSessions(expired);
			this.events.publishEvent(new SessionsExpired(application.id(), application.retentionDays(), expired));
			return deleted;
		});
	}

	private int inTransaction(IntSupplier work) {
		Integer done = this.transactions.execute((status) -> work.getAsInt());
		return (done != null) ? done : 0;
	}

	// runs batches until one comes back short
	private static long repeat(IntSupplier batch, int size) {
		long total = 0;
		int done;
		do {
			done = batch.getAsInt();
			total += done;
		}
		while (done >= size);
		return total;
	}

	record RetentionReport(long sessions, long rumBatches, long rumSessions, long requestIds) {

	}

}
