package dev.replay.ingest.segment;

import java.util.List;

import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.RowParts;
import dev.replay.ingest.storage.StorageKind;
import dev.replay.ingest.storage.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With the object store, rewrites the segments of quiet, indexed sessions into one object
 * per session ({@link SessionCompaction}), a few sessions per pass and never while the
 * intake is busy. The same pass moves the segments that an installation stored in
 * PostgreSQL before it switched to the object store (batch after batch until none is
 * left), then their keyframes and images ({@link RowParts}), and logs how many are left.
 * All its state is in the database: it resumes after a restart, and instances side by
 * side never compact the same session at once.
 */
@Component
class CompactionJob {

	private static final Logger LOG = LoggerFactory.getLogger(CompactionJob.class);

	private static final int SESSIONS_PER_PASS = 20;

	// above this, compaction waits for the intake to calm down
	private static final int BUSY_SEGMENTS_PER_SECOND = 500;

	private final SessionCompaction compaction;

	private final RecordingStorage storage;

	private final StorageProperties properties;

	private final IntakeActivity intake;

	private final List<RowParts> rowParts;

	CompactionJob(SessionCompaction compaction, RecordingStorage storage, StorageProperties properties,
			IntakeActivity intake, List<RowParts> rowParts) {
		this.compaction = compaction;
		this.storage = storage;
		this.properties = properties;
		this.intake = intake;
		this.rowParts = rowParts;
	}

	@Scheduled(fixedDelayString = "${replay.storage.sweep-interval:1m}",
			initialDelayString = "${replay.storage.sweep-interval:1m}")
	void compactQuietSessions() {
		if (this.storage.kind() != StorageKind.S3) {
			return;
		}
		int sessions = 0;
		long bytes = 0;
		double quietFor = this.properties.compactAfter().toMillis() / 1000.0;
		// batch after batch until none is left, the intake is busy, or only sessions that
		// failed are left
		List<String> batch = this.compaction.findUncompacted(quietFor, SESSIONS_PER_PASS);
		while (!batch.isEmpty() && !intakeIsBusy()) {
			int done = 0;
			for (String sessionId : batch) {
				if (intakeIsBusy()) {
					break;
				}
				try {
					long rewritten = this.compaction.compact(sessionId);
					if (rewritten >= 0) {
						done++;
						bytes += rewritten;
					}
				}
				catch (RuntimeException ex) {
					LOG.warn("The segments of session {} could not be compacted; it is tried again later: {}",
							sessionId, ex.toString());
				}
			}
			sessions += done;
			if (done < batch.size()) {
				break;
			}
			batch = this.compaction.findUncompacted(quietFor, SESSIONS_PER_PASS);
		}
		if (sessions > 0) {
			LOG.info("Compacted {} sessions ({} bytes rewritten); {} sessions wait", sessions, bytes,
					this.compaction.countUncompacted());
		}
		for (RowParts parts : this.rowParts) {
			moveFromRows(parts);
		}
	}

	// keyframes and images that an installation stored in PostgreSQL before, a group at a
	// time while the intake is calm
	private void moveFromRows(RowParts parts) {
		int moved = 0;
		try {
			int group = parts.move(SESSIONS_PER_PASS);
			while (group > 0) {
				moved += group;
				if (intakeIsBusy()) {
					break;
				}
				group = parts.move(SESSIONS_PER_PASS);
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Moving {} from PostgreSQL into the object store failed; it is tried again later: {}",
					parts.kind(), ex.toString());
		}
		if (moved > 0) {
			LOG.info("Moved {} {} from PostgreSQL into the object store; {} left", moved, parts.kind(),
					parts.remaining().parts());
		}
	}

	private boolean intakeIsBusy() {
		return this.intake.segmentsLastSecond() > BUSY_SEGMENTS_PER_SECOND;
	}

}
