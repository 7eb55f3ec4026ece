package dev.replay.ingest.erasure;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the erasure job.
 *
 * @param enabled whether this instance runs erasures (every instance may: an erasure runs
 * on one at a time)
 * @param interval the pause between two looks for erasures to run
 * @param batchSize the most sessions deleted in one transaction, which bounds how long
 * the job holds locks
 */
@ConfigurationProperties("replay.erasure")
@Validated
record ErasureProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration interval,
		@DefaultValue("50") @Positive @Max(10_000) int batchSize) {

}
