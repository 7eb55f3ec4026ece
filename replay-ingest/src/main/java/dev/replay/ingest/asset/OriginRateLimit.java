package dev.replay.ingest.asset;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * At most a number of requests a second to each origin, in memory: a token bucket per
 * origin that holds a second's worth of requests and refills evenly. A request beyond it
 * is not delayed but answered with how long until the next one may go, so that no thread
 * waits on a busy origin.
 */
final class OriginRateLimit {

	// buckets idle long enough to be full again are dropped beyond this many origins
	private static final int MAX_IDLE_BUCKETS = 1024;

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private final Map<AssetOrigin, Bucket> buckets = new ConcurrentHashMap<>();

	private final int perSecond;

	private final LongSupplier nanoTime;

	/**
	 * Create a limit.
	 * @param perSecond the requests a second allowed to each origin
	 * @param nanoTime the clock, {@link System#nanoTime()} outside tests
	 */
	OriginRateLimit(int perSecond, LongSupplier nanoTime) {
		if (perSecond < 1) {
			throw new IllegalArgumentException("At least one request a second must be allowed, not " + perSecond);
		}
		this.perSecond = perSecond;
		this.nanoTime = nanoTime;
	}

	/**
	 * Take a request to an origin if its limit allows one now.
	 * @param origin the origin
	 * @return {@link Duration#ZERO} if the request may go, otherwise how long until the
	 * next one may
	 */
	Duration acquire(AssetOrigin origin) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() > MAX_IDLE_BUCKETS) {
			this.buckets.values().removeIf((bucket) -> bucket.full(now));
		}
		Bucket bucket = this.buckets.computeIfAbsent(origin, (key) -> new Bucket(now));
		return Duration.ofNanos(bucket.take(now));
	}

	private final class Bucket {

		// the time at which the bucket is full again; a request takes 1/perSecond of a
		// second, and the bucket holds at most one second
		private long fullAt;

		Bucket(long now) {
			this.fullAt = now;
		}

		synchronized long take(long now) {
			long cost = SECOND / OriginRateLimit.this.perSecond;
			long start = Math.max(this.fullAt, now);
			long next = start + cost;
			if (next - now > SECOND) {
				return next - now - SECOND;
			}
			this.fullAt = next;
			return 0;
		}

		synchronized boolean full(long now) {
			return this.fullAt - now <= 0;
		}

	}

}
