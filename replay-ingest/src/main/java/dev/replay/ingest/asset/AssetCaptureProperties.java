package dev.replay.ingest.asset;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the assets that recordings referenced are captured.
 *
 * @param enabled whether assets are captured at all
 * @param refreshAfter how long a captured URL is taken as it is: a session recorded later
 * has it fetched again, and gets the new version if its content changed
 * @param retryAfter how long after a failure that may pass (a timeout, a server error)
 * the URL is tried again
 * @param maxAttempts how many times such a URL is tried before it is left as failed
 * @param interval how often the capture job looks for due URLs
 * @param batchSize how many URLs one pass of the job fetches at most
 */
@ConfigurationProperties("replay.assets")
@Validated
public record AssetCaptureProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1d") Duration refreshAfter,
		@DefaultValue("1h") Duration retryAfter, @DefaultValue("3") @Positive int maxAttempts,
		@DefaultValue("2s") Duration interval, @DefaultValue("20") @Positive int batchSize) {

}
