package dev.replay.ingest.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.replay.core.asset.AssetScanner;
import dev.replay.core.playback.PlaybackIndexer;
import dev.replay.core.privacy.Redaction;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.TimelineMerger;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.asset.SessionAssets;
import dev.replay.ingest.playback.SessionSegments;
import dev.replay.ingest.redaction.RedactionRules;
import dev.replay.ingest.resource.SessionImages;
import dev.replay.ingest.rum.RumEventStore;
import dev.replay.ingest.session.SessionReader;
import dev.replay.ingest.session.SessionSummary;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Indexes one session: merges its segments, and replaces its keyframes, its timeline
 * summary and the views that its in-page navigations open, as {@link PlaybackIndexer}
 * makes them from the masked stream, in one transaction, writing each keyframe as soon as
 * it is produced. A transaction-scoped advisory lock keeps two instances from indexing
 * one session at once; a crash rolls the transaction back and the session is simply
 * indexed again.
 */
@Component
public class SessionIndexer {

	private final TimelineStore store;

	private final SessionReader reader;

	private final SessionSegments segments;

	private final KeyframePolicy policy;

	private final TransactionTemplate transaction;

	private final RumEventStore rum;

	private final SessionAssets assets;

	private final RedactionRules redactions;

	private final SessionImages images;

	SessionIndexer(TimelineStore store, SessionReader reader, SessionSegments segments, TimelineProperties properties,
			PlatformTransactionManager transactionManager, RumEventStore rum, SessionAssets assets,
			RedactionRules redactions, SessionImages images) {
		this.store = store;
		this.images = images;
		this.redactions = redactions;
		this.assets = assets;
		this.reader = reader;
		this.segments = segments;
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
			Optional<TimelineStore.StaleVersion> version = this.store.staleVersion(sessionId);
			if (version.isEmpty()) {
				return false;
			}
			this.store.deleteKeyframes(sessionId);
			KeyframeBuffer keyframes = this.store.keyframes(sessionId);
			UUID applicationId = this.reader.findSession(sessionId).map(SessionSummary::applicationId).orElseThrow();
			Redaction redaction = this.redactions.forSession(applicationId, sessionId);
			PlaybackIndexer indexer = new PlaybackIndexer(this.policy, redaction, keyframes::add);
			RecordedRumEvents devtools = new RecordedRumEvents(sessionId, applicationId.toString());
			AssetScanner assets = new AssetScanner();
			boolean capturing = this.assets.capturing();
			Set<String> images = new HashSet<>();
			try {
				this.segments.read(sessionId, Long.MIN_VALUE, Long.MAX_VALUE, images::add,
						(segments) -> TimelineMerger.mergeInOrder(segments, Long.MAX_VALUE, (event) -> {
							RawEvent masked = indexer.accept(event);
							devtools.accept(masked);
							if (capturing) {
								assets.scan(masked.json());
							}
						}));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.rum.replaceRecorded(sessionId, devtools.events());
			this.images.replace(sessionId, applicationId, images);
			if (!redaction.isEmpty()) {
				// the assets of a redacted session are those its redacted events
				// reference
				this.assets.forget(sessionId);
			}
			this.assets.record(sessionId, applicationId,
					assets.references()
						.stream()
						.map((reference) -> new SessionAssets.Reference(reference.url(),
								reference.kind().name().toLowerCase(Locale.ROOT)))
						.toList());
			if (indexer.eventCount() > 0) {
				TimelineSummary summary = indexer.finish();
				keyframes.flush();
				this.store.saveSummary(sessionId, version.get(), indexer.eventCount(), summary);
				this.store.replaceNavigationViews(sessionId, summary);
			}
			else {
				keyframes.flush();
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

}
