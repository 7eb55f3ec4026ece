package dev.replay.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Counts failed sign-ins per user name and per client address, in memory, and says how
 * long an attempt must wait (see {@link SignInThrottleProperties}). An attempt is begun
 * before the credentials are checked and ended with its outcome; attempts in flight count
 * too, so that once a name or address has failed, a burst of parallel attempts cannot
 * slip past the limit before the first of them fails.
 */
final class SignInThrottle {

	private final SignInThrottleProperties properties;

	private final Clock clock;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	private final AtomicLong lastSweep = new AtomicLong(Long.MIN_VALUE);

	SignInThrottle(SignInThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Begin a sign-in attempt.
	 * @param name the user name tried, or {@code null} for an API token
	 * @param address the client address
	 * @return the attempt, refused when the name or the address has to wait
	 */
	Attempt begin(@Nullable String name, String address) {
		long now = this.clock.millis();
		Counter byName = (name != null) ? counter("name:" + name, this.properties.freeFailures(), true, now) : null;
		Counter byAddress = counter("address:" + address, this.properties.freeFailuresPerAddress(), false, now);
		long wait = (byName != null) ? byName.tryAcquire(now) : 0;
		if (wait > 0) {
			return Attempt.refused(wait);
		}
		wait = byAddress.tryAcquire(now);
		if (wait > 0) {
			if (byName != null) {
				byName.release(Outcome.NONE, now);
			}
			return Attempt.refused(wait);
		}
		return new Attempt(this, byName, byAddress, 0);
	}

	/**
	 * Forget the names and addresses that have been quiet for long enough.
	 */
	void forgetQuiet() {
		long now = this.clock.millis();
		long forgetAfter = this.properties.forgetAfter().toMillis();
		this.counters.values().removeIf((counter) -> counter.quietSince(now, forgetAfter));
	}

	int size() {
		return this.counters.size();
	}

	private Counter counter(String key, int free, boolean clearedBySuccess, long now) {
		Counter counter = this.counters.get(key);
		if (counter != null) {
			return counter;
		}
		if (this.counters.size() >= this.properties.maxEntries()) {
			makeRoom(now);
			if (this.counters.size() >= this.properties.maxEntries()) {
				// not remembered: counts nothing, refuses nothing
				return new Counter(free, clearedBySuccess);
			}
		}
		return this.counters.computeIfAbsent(key, (k) -> new Counter(free, clearedBySuccess));
	}

	/**
	 * Drops quiet entries, then those that do not wait and have no attempt in flight; at
	 * most once a second, so that a flood of new names does not make every attempt sweep
	 * the whole map.
	 * @param now the time in milliseconds
	 */
	private void makeRoom(long now) {
		long last = this.lastSweep.get();
		if (now - last < 1000 || !this.lastSweep.compareAndSet(last, now)) {
			return;
		}
		forgetQuiet();
		if (this.counters.size() >= this.properties.maxEntries()) {
			this.counters.values().removeIf((counter) -> counter.idle(now));
		}
	}

	private long delayAfter(int failuresPastFree) {
		long initial = this.properties.initialDelay().toMillis();
		long max = this.properties.maxDelay().toMillis();
		int doublings = failuresPastFree - 1;
		if (doublings >= Long.numberOfLeadingZeros(Math.max(initial, 1)) - 1) {
			return max;
		}
		return Math.min(initial << doublings, max);
	}

	private enum Outcome {

		FAILED, SUCCEEDED, NONE

	}

	/**
	 * Failures and attempts in flight of one user name or address.
	 */
	private final class Counter {

		private final int free;

		private final boolean clearedBySuccess;

		private int failures;

		private int inFlight;

		private long waitUntil;

		private long lastFailure;

		Counter(int free, boolean clearedBySuccess) {
			this.free = free;
			this.clearedBySuccess = clearedBySuccess;
		}

		/**
		 * Take a place for an attempt.
		 * @param now the time in milliseconds
		 * @return 0 when taken, else how many milliseconds to wait
		 */
		synchronized long tryAcquire(long now) {
			if (now < this.waitUntil) {
				return this.waitUntil - now;
			}
			// after a failure, attempts in flight count as failures to come: past the
			// free
			// ones, one at a time
			if (this.failures > 0 && this.inFlight > 0 && this.failures + this.inFlight >= this.free) {
				return Math.max(1, SignInThrottle.this.properties.initialDelay().toMillis());
			}
			this.inFlight++;
			return 0;
		}

		synchronized void release(Outcome outcome, long now) {
			this.inFlight = Math.max(0, this.inFlight - 1);
			if (outcome == Outcome.FAILED) {
				this.failures++;
				this.lastFailure = now;
				if (this.failures > this.free) {
					this.waitUntil = Math.max(this.waitUntil, now + delayAfter(this.failures - this.free));
				}
			}
			else if (outcome == Outcome.SUCCEEDED && this.clearedBySuccess) {
				this.failures = 0;
				this.waitUntil = 0;
			}
		}

		synchronized boolean quietSince(long now, long forgetAfter) {
			return this.inFlight == 0 && now - Math.max(this.lastFailure, this.waitUntil) >= forgetAfter;
		}

		synchronized boolean idle(long now) {
			return this.inFlight == 0 && now >= this.waitUntil;
		}

	}

	/**
	 * One sign-in attempt: refused at once, or ended with its outcome exactly once.
	 */
	static final class Attempt {

		private final @Nullable SignInThrottle throttle;

		private final @Nullable Counter byName;

		private final @Nullable Counter byAddress;

		private final long waitMillis;

		private final AtomicBoolean ended = new AtomicBoolean();

		private Attempt(@Nullable SignInThrottle throttle, @Nullable Counter byName, @Nullable Counter byAddress,
				long waitMillis) {
			this.throttle = throttle;
			this.byName = byName;
			this.byAddress = byAddress;
			this.waitMillis = waitMillis;
		}

		static Attempt refused(long waitMillis) {
			Attempt attempt = new Attempt(null, null, null, waitMillis);
			attempt.ended.set(true);
			return attempt;
		}

		boolean isRefused() {
			return this.waitMillis > 0;
		}

		/**
		 * How long to wait before the next attempt, when refused.
		 * @return the wait, zero when not refused
		 */
		Duration retryAfter() {
			return Duration.ofMillis(this.waitMillis);
		}

		void failed() {
			end(Outcome.FAILED);
		}

		void succeeded() {
			end(Outcome.SUCCEEDED);
		}

		/** End without an outcome, for example when the credentials could not be read. */
		void abandoned() {
			end(Outcome.NONE);
		}

		private void end(Outcome outcome) {
			if (this.throttle == null || !this.ended.compareAndSet(false, true)) {
				return;
			}
			long now = this.throttle.clock.millis();
			if (this.byName != null) {
				this.byName.release(outcome, now);
			}
			if (this.byAddress != null) {
				this.byAddress.release(outcome, now);
			}
		}

	}

}
