package dev.replay.ingest.retention;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the retention job.
 *
 * @param enabled whether this instance runs the job
 * @param interval the pause between two passes
 * @param batchSize the most sessions (or rows of the other tables) deleted in one
 * transaction, which bounds how long a pass holds locks
 * @param requestIdTtl how long the ids of handled upload requests are remembered to
 * recognise a retried upload
 */
@ConfigurationProperties("replay.retention")
@Validated
record RetentionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
		@DefaultValue("500") @Positive int batchSize, @DefaultValue("7d") Duration requestIdTtl) {

}
