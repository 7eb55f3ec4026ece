package dev.replay.ingest.timeline;

import dev.replay.ingest.segment.IntakeActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Indexes, in the background and never inside an ingest request, the sessions whose
 * segments changed since they were indexed and that have been quiet for
 * {@code replay.timeline.quiet-period}. While the intake commits more than
 * {@code replay.timeline.yield-above} segments a second, passes stop, so that indexing
 * never takes the cores that acknowledgements wait for; the sessions are indexed once the
 * rush is over. All its state is in the database, so it resumes where it was after a
 * restart, and several instances share the work.
 */
@Component
class TimelineIndexingJob {

	private static final Logger LOG = LoggerFactory.getLogger(TimelineIndexingJob.class);

	private final TimelineStore store;

	private final SessionIndexer indexer;

	private final TimelineProperties properties;

	private final IntakeActivity intake;

	TimelineIndexingJob(TimelineStore store, SessionIndexer indexer, TimelineProperties properties,
			IntakeActivity intake) {
		this.store = store;
		this.indexer = indexer;
		this.properties = properties;
		this.intake = intake;
	}

	@Scheduled(fixedDelayString = "${replay.timeline.delay:2s}", initialDelayString = "${replay.timeline.delay:2s}")
	void indexChangedSessions() {
		if (!this.properties.enabled() || intakeIsBusy()) {
			return;
		}
		for (String sessionId : this.store.findStale(this.properties.quietPeriod(), this.properties.batchSize())) {
			try {
				this.indexer.index(sessionId);
			}
			catch (RuntimeException ex) {
				LOG.warn("Session {} could not be indexed; it is passed over until it changes", sessionId, ex);
				passOver(sessionId);
			}
			if (intakeIsBusy()) {
				return;
			}
		}
	}

	private void passOver(String sessionId) {
		try {
			this.indexer.passOver(sessionId);
		}
		catch (RuntimeException ex) {
			LOG.warn("Session {} could not be passed over", sessionId, ex);
		}
	}

	private boolean intakeIsBusy() {
		return this.properties.yieldAbove() > 0 && this.intake.segmentsLastSecond() > this.properties.yieldAbove();
	}

}
