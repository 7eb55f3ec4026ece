package dev.replay.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignInThrottleTests {

	private final MutableClock clock = new MutableClock();

	private final SignInThrottle throttle = new SignInThrottle(properties(5, 20, 1000), this.clock);

	@Test
	void allowsFreeFailuresThenWaitsOneSecondDoublingUpToTheLongest() {
		for (int i = 0; i < 5; i++) {
			fail("alice", "10.0.0.1");
		}
		fail("alice", "10.0.0.1");
		assertThat(this.throttle.begin("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));
		long[] expected = { 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900 };
		for (long seconds : expected) {
			this.clock.advance(this.throttle.begin("alice", "10.0.0.1").retryAfter());
			fail("alice", "10.0.0.1");
			assertThat(this.throttle.begin("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(seconds));
		}
	}

	@Test
	void refusesEveryAttemptWhileWaitingWhateverItsPassword() {
		for (int i = 0; i < 6; i++) {
			fail("alice", "10.0.0.1");
		}
		SignInThrottle.Attempt attempt = this.throttle.begin("alice", "10.0.0.1");
		assertThat(attempt.isRefused()).isTrue();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(this.throttle.begin("alice", "10.0.0.2").isRefused()).isTrue();
		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.throttle.begin("alice", "10.0.0.1").isRefused()).isFalse();
	}

	@Test
	void successClearsTheNameButNotTheAddress() {
		for (int i = 0; i < 5; i++) {
			fail("alice", "10.0.0.1");
		}
		this.throttle.begin("alice", "10.0.0.1").succeeded();
		for (int i = 0; i < 5; i++) {
			fail("alice", "10.0.0.1");
		}
		SignInThrottle.Attempt attempt = this.throttle.begin("alice", "10.0.0.1");
		assertThat(attempt.isRefused()).isFalse();
		attempt.abandoned();
		for (int i = 0; i < 10; i++) {
			fail("bob-" + i, "10.0.0.1");
		}
		// 5 + 5 + 10 = 20 failures from the address are free, the next one sets the wait
		fail("carol", "10.0.0.1");
		assertThat(this.throttle.begin("dave", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.begin("dave", "10.0.0.9").isRefused()).isFalse();
	}

	@Test
	void countsAttemptsInFlightOnceANameHasFailed() {
		SignInThrottle.Attempt[] burst = new SignInThrottle.Attempt[10];
		for (int i = 0; i < burst.length; i++) {
			burst[i] = this.throttle.begin("alice", "10.0.0." + i);
		}
		assertThat(burst).noneMatch(SignInThrottle.Attempt::isRefused);
		for (SignInThrottle.Attempt attempt : burst) {
			attempt.succeeded();
		}
		fail("alice", "10.0.0.1");
		SignInThrottle.Attempt[] next = new SignInThrottle.Attempt[10];
		for (int i = 0; i < next.length; i++) {
			next[i] = this.throttle.begin("alice", "10.0.0." + i);
		}
		// one failure and four in flight: the fifth in flight would be the sixth failure
		assertThat(next).filteredOn((attempt) -> !attempt.isRefused()).hasSize(4);
		for (SignInThrottle.Attempt attempt : next) {
			attempt.failed();
		}
		assertThat(this.throttle.begin("alice", "10.0.0.1").isRefused()).isFalse();
	}

	@Test
	void endsEachAttemptOnce() {
		SignInThrottle.Attempt attempt = this.throttle.begin("alice", "10.0.0.1");
		attempt.failed();
		attempt.failed();
		attempt.abandoned();
		for (int i = 0; i < 4; i++) {
			fail("alice", "10.0.0.1");
		}
		assertThat(this.throttle.begin("alice", "10.0.0.1").isRefused()).isFalse();
	}

	@Test
	void forgetsNamesAndAddressesAfterAQuietPeriod() {
		for (int i = 0; i < 6; i++) {
			fail("alice", "10.0.0.1");
		}
		this.clock.advance(Duration.ofSeconds(1));
		this.throttle.forgetQuiet();
		assertThat(this.throttle.size()).isEqualTo(2);
		this.clock.advance(Duration.ofHours(1));
		this.throttle.forgetQuiet();
		assertThat(this.throttle.size()).isZero();
		fail("alice", "10.0.0.1");
		assertThat(this.throttle.begin("alice", "10.0.0.1").isRefused()).isFalse();
	}

	@Test
	void remembersAtMostMaxEntriesAndKeepsThoseThatWait() {
		SignInThrottle small = new SignInThrottle(properties(5, 20, 100), this.clock);
		for (int i = 0; i < 16; i++) {
			SignInThrottle.Attempt attempt = small.begin("alice", "10.0.0.1");
			if (attempt.isRefused()) {
				this.clock.advance(attempt.retryAfter());
				attempt = small.begin("alice", "10.0.0.1");
			}
			attempt.failed();
		}
		assertThat(small.begin("alice", "10.0.0.1").retryAfter()).isEqualTo(Duration.ofMinutes(15));
		for (int i = 0; i < 10_000; i++) {
			small.begin("made-up-" + i, "10.1." + (i / 256) + "." + (i % 256)).failed();
			if (i % 1000 == 0) {
				this.clock.advance(Duration.ofMillis(1001));
			}
		}
		assertThat(small.size()).isLessThanOrEqualTo(100);
		assertThat(small.begin("alice", "10.0.0.2").isRefused()).isTrue();
	}

	private void fail(String name, String address) {
		SignInThrottle.Attempt attempt = this.throttle.begin(name, address);
		assertThat(attempt.isRefused()).as("attempt of %s from %s", name, address).isFalse();
		attempt.failed();
	}

	private static SignInThrottleProperties properties(int free, int freePerAddress, int maxEntries) {
		return new SignInThrottleProperties(free, freePerAddress, Duration.ofSeconds(1), Duration.ofMinutes(15),
				Duration.ofHours(1), maxEntries);
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
