package dev.replay.ingest.storage;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ObjectSweep} with the object store: unreferenced objects every
 * {@code replay.storage.sweep-interval}, a listing of the bucket for orphans every
 * {@code replay.storage.orphan-grace}.
 */
@Component
class SweepJob {

	private static final Logger LOG = LoggerFactory.getLogger(SweepJob.class);

	private final ObjectSweep sweep;

	private final RecordingStorage storage;

	private final Duration grace;

	SweepJob(ObjectSweep sweep, RecordingStorage storage, StorageProperties properties) {
		this.sweep = sweep;
		this.storage = storage;
		this.grace = properties.orphanGrace();
	}

	@Scheduled(fixedDelayString = "${replay.storage.sweep-interval:1m}",
			initialDelayString = "${replay.storage.sweep-interval:1m}")
	void deleteUnreferenced() {
		if (this.storage instanceof ObjectStorage objects) {
			try {
				log("unreferenced objects", this.sweep.deleteUnreferenced(objects.objectStore(), this.grace));
			}
			catch (RuntimeException ex) {
				LOG.warn("Unreferenced objects could not be deleted; tried again later: {}", ex.toString());
			}
		}
	}

	private static void log(String what, int count) {
		if (count > 0) {
			LOG.info("Deleted {} {} from the object store", count, what);
		}
	}

	@Scheduled(fixedDelayString = "${replay.storage.orphan-grace:1h}",
			initialDelayString = "${replay.storage.orphan-grace:1h}")
	void deleteOrphans() {
		if (this.storage instanceof ObjectStorage objects) {
			try {
				log("orphaned objects", this.sweep.deleteOrphans(objects.objectStore(), this.grace));
			}
			catch (RuntimeException ex) {
				LOG.warn("Orphaned objects could not be deleted; tried again later: {}", ex.toString());
			}
		}
	}

}
