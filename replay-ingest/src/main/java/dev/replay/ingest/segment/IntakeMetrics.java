package dev.replay.ingest.segment;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The intake's meters: segments stored and repeated, bytes accepted, rejected requests by
 * problem type, and the group commit's batch sizes, queue and commit time. Without a
 * meter registry in the application they are kept in a private one.
 */
@Component
public class IntakeMetrics {

	private static final String PROBLEM_PREFIX = "https://replay.dev/problems/";

	private final MeterRegistry registry;

	private final Counter storedSegments;

	private final Counter duplicateSegments;

	private final Counter acceptedBytes;

	private final DistributionSummary batchSegments;

	private final Timer commitSucceeded;

	private final Timer commitFailed;

	IntakeMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry.getIfAvailable(SimpleMeterRegistry::new);
		this.storedSegments = segments("stored");
		this.duplicateSegments = segments("duplicate");
		this.acceptedBytes = Counter.builder("replay.ingest.accepted")
			.baseUnit("bytes")
			.description("Bytes of the segments answered 202, as the clients sent them")
			.register(this.registry);
		this.batchSegments = DistributionSummary.builder("replay.ingest.batch.segments")
			.description("Segments committed in one transaction of the group commit")
			.publishPercentileHistogram()
			.register(this.registry);
		this.commitSucceeded = commitTimer("success");
		this.commitFailed = commitTimer("failure");
	}

	private Counter segments(String result) {
		return Counter.builder("replay.ingest.segments")
			.description("Segments answered 202: stored, or repeats of segments stored before")
			.tag("result", result)
			.register(this.registry);
	}

	private Timer commitTimer(String outcome) {
		return Timer.builder("replay.ingest.commit")
			.description("Time to write and commit one batch of the group commit")
			.tag("outcome", outcome)
			.publishPercentileHistogram()
			.register(this.registry);
	}

	/**
	 * Whether a request path is one of the intake's.
	 * @param path the request path, without the context path
	 * @return {@code true} for the native and Datadog intake paths
	 */
	public static boolean isIntake(String path) {
		return path.startsWith("/ingest/") || path.equals("/api/v2/replay") || path.equals("/api/v2/rum")
				|| path.equals("/api/v2/logs") || path.equals("/intake");
	}

	/**
	 * Count a request that the intake refused.
	 * @param problemType the type of the problem it was answered with, or {@code null}
	 */
	public void rejected(@Nullable URI problemType) {
		String type = (problemType != null) ? problemType.toString() : "about:blank";
		Counter.builder("replay.ingest.rejects")
			.description("Intake requests answered with a problem, by problem type")
			.tag("type", type.startsWith(PROBLEM_PREFIX) ? type.substring(PROBLEM_PREFIX.length()) : type)
			.register(this.registry)
			.increment();
	}

	/**
	 * Count what a committed write accepted.
	 * @param stored its new segments
	 * @param duplicates its segments stored before
	 * @param bytes the bytes its segments had as sent
	 */
	void accepted(int stored, int duplicates, long bytes) {
		this.storedSegments.increment(stored);
		this.duplicateSegments.increment(duplicates);
		this.acceptedBytes.increment(bytes);
	}

	/**
	 * Record one commit of the group commit.
	 * @param segments the segments of the batch
	 * @param nanos how long writing and committing took
	 * @param succeeded whether it committed
	 */
	void committed(int segments, long nanos, boolean succeeded) {
		if (succeeded) {
			this.batchSegments.record(segments);
		}
		(succeeded ? this.commitSucceeded : this.commitFailed).record(nanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * Watch the group commit's queue.
	 * @param requests how many requests wait for a writer
	 * @param bytes how many segment bytes wait for a writer
	 */
	void watchQueue(Supplier<Number> requests, Supplier<Number> bytes) {
		Gauge.builder("replay.ingest.queue.requests", requests)
			.description("Requests waiting for a writer of the group commit")
			.register(this.registry);
		Gauge.builder("replay.ingest.queue.size", bytes)
			.baseUnit("bytes")
			.description("Segment bytes waiting for a writer of the group commit")
			.register(this.registry);
	}

}
