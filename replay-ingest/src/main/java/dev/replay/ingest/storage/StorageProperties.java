package dev.replay.ingest.storage;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.NamedInterface;

/**
 * Where recorded bytes are stored, and how to reach the object store.
 *
 * @param kind {@code postgres} (the default) or {@code s3}
 * @param s3 the object store, with {@code kind = s3}
 * @param orphanGrace how old an object must be before the sweep deletes it when no row
 * points to it: longer than any upload takes to be committed
 * @param sweepInterval how often the sweep and the compaction run
 * @param compactAfter how long a session must have been quiet before its segments are
 * rewritten into one object
 */
@ConfigurationProperties("replay.storage")
@NamedInterface("api")
public record StorageProperties(@DefaultValue("postgres") StorageKind kind, @DefaultValue S3 s3,
		@DefaultValue("1h") Duration orphanGrace, @DefaultValue("1m") Duration sweepInterval,
		@DefaultValue("10m") Duration compactAfter) {

	/**
	 * An S3-compatible object store.
	 *
	 * @param endpoint its URL, or {@code null} for AWS itself
	 * @param region the region the requests are signed for
	 * @param bucket the bucket, created when absent
	 * @param accessKey the access key id
	 * @param secretKey the secret access key
	 * @param pathStyle whether the bucket is named in the path rather than in the host
	 * name, as most stores other than AWS need
	 * @param timeout how long one request may take before it counts as failed
	 * @param readThreads how many ranged reads run ahead of playback at once
	 * @param batchInterval the shortest time between the starts of two group commits of
	 * one writer, so that a busy instance uploads at most one object per writer in that
	 * time (20 a second by default) and each holds more segments
	 */
	public record S3(@Nullable URI endpoint, @DefaultValue("us-east-1") String region, @Nullable String bucket,
			@Nullable String accessKey, @Nullable String secretKey, @DefaultValue("true") boolean pathStyle,
			@DefaultValue("5s") Duration timeout, @DefaultValue("8") int readThreads,
			@DefaultValue("50ms") Duration batchInterval) {

	}

}
