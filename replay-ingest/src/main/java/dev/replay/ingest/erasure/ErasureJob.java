package dev.replay.ingest.erasure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.replay.ingest.erasure.ErasureStore.PersonSession;
import dev.replay.ingest.erasure.ErasureStore.Row;
import dev.replay.ingest.segment.SessionCompaction;
import dev.replay.ingest.segment.SessionTombstones;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StorageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the requested erasures, one batch of sessions per transaction: the erasure row is
 * locked (so that one instance at a time runs it), a batch of the person's sessions is
 * found, deleted and buried (the intake refuses their ids from then on), and the count is
 * added to the row. The state is all in the row, so that a restart goes on with the next
 * batch. The batch that finds no session left completes the erasure, forgets the person's
 * id or email and publishes {@link ErasureCompleted}.
 * <p>
 * With the object store, segments of other sessions uploaded by the same group commit
 * share an object with the erased ones: those sessions are rewritten into objects of
 * their own right away, so that the sweep deletes the shared object within its grace
 * period instead of when they would have been compacted.
 */
@Component
class ErasureJob {

	private static final Logger LOG = LoggerFactory.getLogger(ErasureJob.class);

	private final ErasureStore store;

	private final ErasureProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final SessionTombstones tombstones;

	private final SessionCompaction compaction;

	private final RecordingStorage storage;

	ErasureJob(ErasureStore store, ErasureProperties properties, TransactionTemplate transactions,
			ApplicationEventPublisher events, SessionTombstones tombstones, SessionCompaction compaction,
			RecordingStorage storage) {
		this.store = store;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.tombstones = tombstones;
		this.compaction = compaction;
		this.storage = storage;
	}

	@Scheduled(fixedDelayString = "${replay.erasure.interval:5s}", initialDelayString = "${replay.erasure.interval:5s}")
	void scheduledPass() {
		if (this.properties.enabled()) {
			try {
				runAll();
			}
			catch (RuntimeException ex) {
				LOG.warn("An erasure batch failed; the next pass goes on where it stopped", ex);
			}
		}
	}

	/**
	 * Run batches until no erasure is left to run (or the others run elsewhere).
	 * @return how many batches ran
	 */
	int runAll() {
		int batches = 0;
		while (runBatch()) {
			batches++;
		}
		return batches;
	}

	/**
	 * Run one batch of the oldest erasure left to run.
	 * @return whether there was one
	 */
	boolean runBatch() {
		Batch batch = this.transactions.execute((status) -> {
			Optional<Row> next = this.store.lockNextUnfinished();
			if (next.isEmpty()) {
				return null;
			}
			Erasure erasure = next.get().erasure();
			ErasureSubject subject = Objects.requireNonNull(next.get().subject());
			List<PersonSession> sessions = this.store.findSessions(subject, erasure.applicationId(),
					this.properties.batchSize());
			if (sessions.isEmpty()) {
				this.store.complete(erasure.id());
				this.events.publishEvent(new ErasureCompleted(erasure.id(), erasure.applicationId(),
						erasure.requestedBy(), erasure.sessionsErased(), erasure.batches()));
				LOG.info("Erasure {} completed: {} sessions in {} batches", erasure.id(), erasure.sessionsErased(),
						erasure.batches());
				return new Batch(erasure.id(), 0, List.of());
			}
			List<String> ids = ErasureStore.ids(sessions);
			List<Long> objects = (this.storage.kind() == StorageKind.S3) ? this.store.segmentObjects(ids) : List.of();
			this.store.deleteSessions(ids);
			Map<UUID, List<String>> byApplication = sessions.stream()
				.collect(Collectors.groupingBy(PersonSession::applicationId,
						Collectors.mapping(PersonSession::id, Collectors.toList())));
			byApplication.forEach(this.tombstones::bury);
			this.store.recordBatch(erasure.id(), sessions.size());
			return new Batch(erasure.id(), sessions.size(), objects);
		});
		if (batch == null) {
			return false;
		}
		if (!batch.sharedObjects().isEmpty()) {
			releaseSharedObjects(batch);
		}
		return true;
	}

	// a failure leaves the objects to the regular compaction
	private void releaseSharedObjects(Batch batch) {
		for (String sessionId : this.store.sessionsSharing(batch.sharedObjects())) {
			try {
				this.compaction.compact(sessionId);
			}
			catch (RuntimeException ex) {
				LOG.warn(
						"Session {}, which shares objects with erased sessions of erasure {}, could not be "
								+ "compacted; the regular compaction does it later: {}",
						sessionId, batch.erasureId(), ex.toString());
			}
		}
	}

	private record Batch(UUID erasureId, int sessions, List<Long> sharedObjects) {

	}

}
