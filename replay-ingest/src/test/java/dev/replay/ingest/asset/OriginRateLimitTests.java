package dev.replay.ingest.asset;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many requests {@link OriginRateLimit} lets through to an origin, and when.
 */
class OriginRateLimitTests {

	final AtomicLong now = new AtomicLong(1_000_000_000L);

	final OriginRateLimit limit = new OriginRateLimit(4, this.now::get);

	final AssetOrigin shop = AssetOrigin.of("https://shop.example");

	@Test
	void letsASecondsWorthThroughAtOnceThenSaysWhenTheNextMayGo() {
		for (int i = 0; i < 4; i++) {
			assertThat(this.limit.acquire(this.shop)).isZero();
		}
		assertThat(this.limit.acquire(this.shop)).isEqualTo(Duration.ofMillis(250));
		this.now.addAndGet(Duration.ofMillis(100).toNanos());
		assertThat(this.limit.acquire(this.shop)).isEqualTo(Duration.ofMillis(150));
		this.now.addAndGet(Duration.ofMillis(150).toNanos());
		assertThat(this.limit.acquire(this.shop)).isZero();
		assertThat(this.limit.acquire(this.shop)).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void countsEachOriginOnItsOwn() {
		for (int i = 0; i < 4; i++) {
			this.limit.acquire(this.shop);
		}
		assertThat(this.limit.acquire(this.shop)).isPositive();
		assertThat(this.limit.acquire(AssetOrigin.of("https://cdn.shop.example"))).isZero();
	}

	@Test
	void isFullAgainAfterAQuietSecond() {
		for (int i = 0; i < 4; i++) {
			this.limit.acquire(this.shop);
		}
		this.now.addAndGet(Duration.ofSeconds(1).toNanos());
		for (int i = 0; i < 4; i++) {
			assertThat(this.limit.acquire(this.shop)).isZero();
		}
		assertThat(this.limit.acquire(this.shop)).isPositive();
	}

}
