package dev.replay.ingest.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.Optional;

import dev.replay.core.codec.InputMasker;
import dev.replay.core.codec.RrwebKeyframeCodec;
import dev.replay.core.timeline.Keyframe;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.TimelineIndexer;
import dev.replay.core.timeline.TimelineMerger;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.storage.SessionReader;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes one session: merges its segments, masks them, and replaces its keyframes and
 * timeline summary in one transaction, writing each keyframe as soon as it is produced. A
 * transaction-scoped advisory lock keeps two instances from indexing one session at once;
 * a crash rolls the transaction back and the session is simply indexed again.
 */
@Component
public class SessionIndexer {

	private final TimelineStore store;

	private final SessionReader reader;

	private final KeyframePolicy policy;

	private final TransactionTemplate transaction;

	SessionIndexer(TimelineStore store, SessionReader reader, TimelineProperties properties,
			PlatformTransactionManager transactionManager) {
		this.store = store;
		this.reader = reader;
		this.policy = new KeyframePolicy(properties.keyframeInterval().toMillis(), properties.keyframeMaxChanges());
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Index a session if it changed since it was last indexed and no other instance is
	 * indexing it.
	 * @param sessionId the session
	 * @return whether it was indexed
	 */
	public boolean index(String sessionId) {
		Boolean indexed = this.transaction.execute((status) -> {
			if (!this.store.tryLock(sessionId)) {
				return false;
			}
			Optional<Timestamp> version = this.store.staleVersion(sessionId);
			if (version.isEmpty()) {
				return false;
			}
			this.store.deleteKeyframes(sessionId);
			Progress progress = new Progress();
			InputMasker masker = new InputMasker();
			TimelineIndexer indexer = new TimelineIndexer(this.policy, RrwebKeyframeCodec.INSTANCE,
					(keyframe) -> this.store.insertKeyframe(sessionId, keyframe, progress.includedAt(keyframe),
							masker.knownValues()));
			try {
				new TimelineMerger(this.reader.segments(sessionId)).forEach((event) -> {
					RawEvent masked = masker.mask(event);
					indexer.accept(masked);
					progress.taken(masked);
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			if (progress.events > 0) {
				TimelineSummary summary = indexer.finish();
				this.store.saveSummary(sessionId, version.get(), progress.events, summary);
			}
			else {
				this.store.saveEmpty(sessionId, version.get());
			}
			return true;
		});
		return Boolean.TRUE.equals(indexed);
	}

	/**
	 * The events taken so far: how many, and how many at the latest timestamp.
	 */
	private static final class Progress {

		private long events;

		private long lastTimestamp = Long.MIN_VALUE;

		private int atLastTimestamp;

		void taken(RawEvent event) {
			if (event.timestamp() != this.lastTimestamp) {
				this.lastTimestamp = event.timestamp();
				this.atLastTimestamp = 0;
			}
			this.atLastTimestamp++;
			this.events++;
		}

		// A keyframe is written before the event that made it due is taken: it includes
		// every event taken so far, so the ones at its timestamp are the latest run.
		int includedAt(Keyframe keyframe) {
			return (keyframe.timestamp() == this.lastTimestamp) ? this.atLastTimestamp : 0;
		}

	}

}
