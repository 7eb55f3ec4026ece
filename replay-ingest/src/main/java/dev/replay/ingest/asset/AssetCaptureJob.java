package dev.replay.ingest.asset;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.replay.ingest.asset.AssetResults.DueAsset;
import dev.replay.ingest.segment.IntakeActivity;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches, in the background and never inside an ingest request, the asset URLs that are
 * due: referenced by a recording and not captured yet, captured longer than
 * {@code replay.assets.refresh-after} ago and referenced again, or failed in a way that
 * may pass. A pass takes at most {@code replay.assets.batch-size} URLs and stops while
 * the intake is busy, as the timeline indexer does. A URL that fails is tried
 * {@code replay.assets.max-attempts} times, {@code replay.assets.retry-after} apart, and
 * never in a loop. Once a minute it deletes the assets that no stored session refers to.
 */
@Component
class AssetCaptureJob {

	private static final Logger LOG = LoggerFactory.getLogger(AssetCaptureJob.class);

	// above this, capture waits for the intake to calm down
	private static final int BUSY_SEGMENTS_PER_SECOND = 500;

	// how often what no session refers to any more is deleted
	private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(1);

	private final AssetResults results;

	private final AssetFetcher fetcher;

	private final AssetCaptureProperties properties;

	private final IntakeActivity intake;

	private final AssetCleanup cleanup;

	private long nextCleanup;

	AssetCaptureJob(AssetResults results, AssetFetcher fetcher, AssetCaptureProperties properties,
			IntakeActivity intake, AssetCleanup cleanup) {
		this.results = results;
		this.cleanup = cleanup;
		this.fetcher = fetcher;
		this.properties = properties;
		this.intake = intake;
	}

	@Scheduled(fixedDelayString = "${replay.assets.interval:2s}", initialDelayString = "${replay.assets.interval:2s}")
	void captureDueAssets() {
		if (!this.properties.enabled() || intakeIsBusy()) {
			return;
		}
		if (System.nanoTime() - this.nextCleanup > 0) {
			this.nextCleanup = System.nanoTime() + CLEANUP_INTERVAL.toNanos();
			deleteUnreferenced();
		}
		for (DueAsset asset : this.results.claimDue(this.properties.batchSize())) {
			try {
				capture(asset);
			}
			catch (RuntimeException ex) {
				LOG.warn("Asset {} could not be captured; it is tried again later: {}", asset.url(), ex.toString());
				this.results.failed(asset, "Capture failed: " + ex.getMessage(), retryAfter(asset));
			}
			if (intakeIsBusy()) {
				return;
			}
		}
	}

	private void capture(DueAsset asset) {
		AssetFetchResult result = this.fetcher.fetch(asset.url(), origins(asset));
		if (result instanceof FetchedAsset fetched) {
			this.results.captured(asset, fetched.contentType(), fetched.bytes(), fetched.sha256());
		}
		else if (result instanceof FetchRefusal refusal) {
			this.results.failed(asset, refusal.message(), null);
		}
		else if (result instanceof FetchFailure failure && failure.reason() == FetchFailure.Reason.RATE_LIMITED) {
			// not the URL's fault: later, without counting an attempt
			this.results.postpone(asset, failure.retryAfter());
		}
		else if (result instanceof FetchFailure failure) {
			Duration retry = retryAfter(asset);
			this.results.failed(asset, failure.message(),
					(retry != null && failure.retryAfter().compareTo(retry) > 0) ? failure.retryAfter() : retry);
		}
	}

	// the origins the application allows, leaving out any that is not one
	private static Set<AssetOrigin> origins(DueAsset asset) {
		Set<AssetOrigin> origins = new HashSet<>();
		for (String origin : asset.allowedOrigins()) {
			try {
				origins.add(AssetOrigin.of(origin));
			}
			catch (IllegalArgumentException ex) {
				LOG.debug("Origin {} of application {} is left out: {}", origin, asset.applicationId(),
						ex.getMessage());
			}
		}
		return origins;
	}

	// a failure that may pass is tried again, up to the most attempts
	private @Nullable Duration retryAfter(DueAsset asset) {
		return (asset.attempts() + 1 < this.properties.maxAttempts()) ? this.properties.retryAfter() : null;
	}

	private void deleteUnreferenced() {
		try {
			int deleted = this.cleanup.deleteUnreferenced();
			if (deleted > 0) {
				LOG.info("Deleted {} asset rows that no session refers to any more", deleted);
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Assets that no session refers to could not be deleted: {}", ex.toString());
		}
	}

	private boolean intakeIsBusy() {
		return this.intake.segmentsLastSecond() > BUSY_SEGMENTS_PER_SECOND;
	}

}
