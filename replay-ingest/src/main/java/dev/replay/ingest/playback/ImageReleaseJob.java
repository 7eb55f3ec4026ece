package dev.replay.ingest.playback;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.replay.core.timeline.SegmentEvents;
import dev.replay.ingest.resource.SessionImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the images of mobile recordings whose sessions were erased, deleted or expired,
 * once no stored session shows them. Indexed sessions name the images they show; the
 * sessions of the application not indexed yet are read for theirs, and while more of them
 * wait than a pass reads, the application's images wait too.
 */
@Component
class ImageReleaseJob {

	private static final Logger LOG = LoggerFactory.getLogger(ImageReleaseJob.class);

	// sessions not indexed yet that one pass reads per application
	private static final int PENDING_READ = 100;

	private final SessionImages images;

	private final SessionSegments segments;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	ImageReleaseJob(SessionImages images, SessionSegments segments, JdbcClient jdbc,
			PlatformTransactionManager transactionManager) {
		this.images = images;
		this.segments = segments;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	@Scheduled(fixedDelayString = "${replay.resources.release-interval:30s}",
			initialDelayString = "${replay.resources.release-interval:30s}")
	void scheduledPass() {
		try {
			releaseAll();
		}
		catch (RuntimeException ex) {
			LOG.warn("Releasing images failed; the next pass tries again: {}", ex.toString());
		}
	}

	/**
	 * Delete the released images of every application that no session shows.
	 * @return how many were deleted
	 */
	int releaseAll() {
		int deleted = 0;
		for (UUID applicationId : this.images.applicationsReleasingImages()) {
			try {
				deleted += release(applicationId);
			}
			catch (RuntimeException ex) {
				LOG.warn("Images of application {} wait for the next pass: {}", applicationId, ex.toString());
			}
		}
		if (deleted > 0) {
			LOG.info("Deleted {} images that no stored session shows", deleted);
		}
		return deleted;
	}

	private int release(UUID applicationId) {
		List<String> pending = pendingMobileSessions(applicationId);
		if (pending.size() > PENDING_READ) {
			LOG.debug("Images of application {} wait: more than {} of its sessions are not indexed yet", applicationId,
					PENDING_READ);
			return 0;
		}
		Set<String> shown = new HashSet<>();
		for (String sessionId : pending) {
			shownBy(sessionId, shown);
		}
		Integer released = this.transaction.execute((status) -> this.images.deleteReleased(applicationId, shown));
		return (released != null) ? released : 0;
	}

	private List<String> pendingMobileSessions(UUID applicationId) {
		return this.jdbc.sql("""
				select r.id from replay_session r
				where r.application_id = ? and r.indexed_version is distinct from r.updated_at
				  and exists (select 1 from segment s where s.session_number = r.number and s.format = 'datadog-mobile')
				limit ?""").params(applicationId, PENDING_READ + 1).query(String.class).list();
	}

	private void shownBy(String sessionId, Set<String> shown) {
		try {
			this.segments.read(sessionId, Long.MIN_VALUE, Long.MAX_VALUE, shown::add, (stored) -> {
				while (stored.hasNext()) {
					SegmentEvents segment = stored.next();
					segment.read();
				}
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("Session " + sessionId + " could not be read", ex);
		}
	}

}
