package dev.replay.ingest.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import dev.replay.core.privacy.InputMasker;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.Keyframe;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.TimelineIndexer;
import dev.replay.core.timeline.TimelineMerger;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.rum.RumEventStore;
import dev.replay.ingest.session.SessionReader;
import dev.replay.ingest.session.SessionSummary;
import org.jspecify.annotations.Nullable;

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

	private final RumEventStore rum;

	SessionIndexer(TimelineStore store, SessionReader reader, TimelineProperties properties,
			PlatformTransactionManager transactionManager, RumEventStore rum) {
		this.store = store;
		this.reader = reader;
		this.rum = rum;
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
			RecordedRumEvents devtools = new RecordedRumEvents(sessionId,
					this.reader.findSession(sessionId)
						.map(SessionSummary::applicationId)
						.map(String::valueOf)
						.orElseThrow());
			try {
				RecordedSnapshots recorded = new RecordedSnapshots(sessionId, masker, progress);
				new TimelineMerger(this.reader.segments(sessionId)).forEach((event) -> {
					RawEvent masked = masker.mask(event);
					progress.taken(masked);
					indexer.accept(masked);
					recorded.accept(masked);
					devtools.accept(masked);
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.rum.replaceRecorded(sessionId, devtools.events());
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
	 * Leave a session that cannot be indexed alone until a new segment changes it, so
	 * that it does not hold up the sessions after it; its playback starts from the
	 * beginning.
	 * @param sessionId the session
	 */
	public void passOver(String sessionId) {
		this.transaction.executeWithoutResult((status) -> this.store.passOver(sessionId));
	}

	/**
	 * Stores a keyframe at each full snapshot that the recorder itself took (a Meta and a
	 * FullSnapshot in a row), which the keyframe builder does not write, so that a window
	 * can start at the latest of either.
	 */
	private final class RecordedSnapshots {

		private static final int META = 4;

		private static final int FULL_SNAPSHOT = 2;

		private final String sessionId;

		private final InputMasker masker;

		private final Progress progress;

		private long sessionStart = Long.MIN_VALUE;

		private @Nullable RawEvent meta;

		RecordedSnapshots(String sessionId, InputMasker masker, Progress progress) {
			this.sessionId = sessionId;
			this.masker = masker;
			this.progress = progress;
		}

		void accept(RawEvent event) {
			if (this.sessionStart == Long.MIN_VALUE) {
				this.sessionStart = event.timestamp();
			}
			int type = RrwebEventReader.typeOf(event.json());
			RawEvent previous = this.meta;
			this.meta = (type == META) ? event : null;
			if (type == FULL_SNAPSHOT && previous != null && this.progress.events > 2) {
				Keyframe keyframe = new Keyframe(event.timestamp() - this.sessionStart, event.timestamp(),
						this.progress.events, List.of(previous, event));
				SessionIndexer.this.store.insertKeyframe(this.sessionId, keyframe, this.progress.includedAt(keyframe),
						this.masker.knownValues());
			}
		}

	}

	/**
	 * The events taken so far: how many, and how many at the latest timestamp and at the
	 * one before.
	 */
	private static final class Progress {

		private long events;

		private long lastTimestamp = Long.MIN_VALUE;

		private int atLastTimestamp;

		private long previousTimestamp = Long.MIN_VALUE;

		private int atPreviousTimestamp;

		void taken(RawEvent event) {
			if (event.timestamp() != this.lastTimestamp) {
				this.previousTimestamp = this.lastTimestamp;
				this.atPreviousTimestamp = this.atLastTimestamp;
				this.lastTimestamp = event.timestamp();
				this.atLastTimestamp = 0;
			}
			this.atLastTimestamp++;
			this.events++;
		}

		// How many events at the keyframe's timestamp it includes. A keyframe includes
		// the
		// events before its next event index: all of those taken, or all but the last,
		// when the last made it due.
		int includedAt(Keyframe keyframe) {
			long excluded = this.events - keyframe.nextEventIndex();
			if (excluded == 0) {
				return (keyframe.timestamp() == this.lastTimestamp) ? this.atLastTimestamp : 0;
			}
			if (this.atLastTimestamp > 1) {
				return (keyframe.timestamp() == this.lastTimestamp) ? this.atLastTimestamp - 1 : 0;
			}
			return (keyframe.timestamp() == this.previousTimestamp) ? this.atPreviousTimestamp : 0;
		}

	}

}
