package dev.replay.ingest.segment;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake's rate over the last full second.
 */
class IntakeActivityTests {

	private static final long SECOND = 1_000_000_000L;

	private final AtomicLong now = new AtomicLong(10 * SECOND);

	private final IntakeActivity activity = new IntakeActivity(this.now::get);

	@Test
	void countsTheSegmentsOfTheLastFullSecond() {
		this.activity.committed(40);
		this.now.addAndGet(SECOND / 2);
		this.activity.committed(60);
		assertThat(this.activity.segmentsLastSecond()).isZero();
		this.now.addAndGet(SECOND / 2);
		this.activity.committed(5);
		assertThat(this.activity.segmentsLastSecond()).isEqualTo(100);
		this.now.addAndGet(SECOND);
		assertThat(this.activity.segmentsLastSecond()).isEqualTo(5);
	}

	@Test
	void isIdleAgainAfterASecondWithoutCommits() {
		this.activity.committed(500);
		this.now.addAndGet(SECOND);
		assertThat(this.activity.segmentsLastSecond()).isEqualTo(500);
		this.now.addAndGet(2 * SECOND);
		assertThat(this.activity.segmentsLastSecond()).isZero();
	}

}
