package dev.replay.ingest.segment;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the group commit, beside the intake's own limits under the same prefix.
 *
 * @param batchMaxSegments the most segments committed in one transaction
 * @param batchMaxDelay how long a writer waits for more segments before it commits a
 * batch that is not full
 * @param writerThreads how many threads write batches, each on its own connection; one
 * makes the largest batches, which cost the database the least per segment
 * @param queueCapacity the most requests waiting for the writers, shared evenly between
 * their queues; past it the intake answers 503
 * @param queueMaxSize the most segment bytes waiting for a writer; past it the intake
 * answers 503
 * @param commitTimeout how long a request waits for the commit of its segments before it
 * is answered 503
 * @param retryAfter the {@code Retry-After} of a 503, and how long the intake answers 503
 * at once after it found the database unreachable
 */
@ConfigurationProperties("replay.ingest")
@Validated
record GroupCommitProperties(@DefaultValue("256") @Positive int batchMaxSegments,
		@DefaultValue("2ms") Duration batchMaxDelay, @DefaultValue("1") @Positive int writerThreads,
		@DefaultValue("4096") @Positive int queueCapacity, @DefaultValue("128MB") DataSize queueMaxSize,
		@DefaultValue("10s") Duration commitTimeout, @DefaultValue("1s") Duration retryAfter) {

}
