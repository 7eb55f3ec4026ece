package dev.replay.ingest.timeline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Indexes, in the background and never inside an ingest request, the sessions whose
 * segments changed since they were indexed and that have been quiet for
 * {@code replay.timeline.quiet-period}. All its state is in the database, so it resumes
 * where it was after a restart, and several instances share the work.
 */
@Component
class TimelineIndexingJob {

	private static final Logger LOG = LoggerFactory.getLogger(TimelineIndexingJob.class);

	private final TimelineStore store;

	private final SessionIndexer indexer;

	private final TimelineProperties properties;

	TimelineIndexingJob(TimelineStore store, SessionIndexer indexer, TimelineProperties properties) {
		this.store = store;
		this.indexer = indexer;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${replay.timeline.delay:2s}", initialDelayString = "${replay.timeline.delay:2s}")
	void indexChangedSessions() {
		if (!this.properties.enabled()) {
			return;
		}
		for (String sessionId : this.store.findStale(this.properties.quietPeriod(), this.properties.batchSize())) {
			try {
				this.indexer.index(sessionId);
			}
			catch (RuntimeException ex) {
				LOG.warn("Session {} could not be indexed", sessionId, ex);
			}
		}
	}

}
