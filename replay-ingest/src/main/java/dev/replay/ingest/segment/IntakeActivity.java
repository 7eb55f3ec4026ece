package dev.replay.ingest.segment;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.springframework.stereotype.Component;

/**
 * How busy the intake is: the segments it committed in the last full second. Background
 * work that competes for the same cores, such as the timeline indexer, reads it to step
 * aside while recordings are pouring in.
 */
@Component
public class IntakeActivity {

	private static final long SECOND_NANOS = 1_000_000_000L;

	private final LongSupplier nanoTime;

	private final AtomicLong current = new AtomicLong();

	private volatile long currentSecond;

	private volatile long lastSecondCount;

	IntakeActivity() {
		this(System::nanoTime);
	}

	IntakeActivity(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		this.currentSecond = second(nanoTime.getAsLong());
	}

	/**
	 * Note that segments were committed.
	 * @param segments how many
	 */
	public void committed(int segments) {
		roll(this.nanoTime.getAsLong());
		this.current.addAndGet(segments);
	}

	/**
	 * The segments committed in the last full second.
	 * @return their number, {@code 0} when the intake was idle
	 */
	public long segmentsLastSecond() {
		return roll(this.nanoTime.getAsLong());
	}

	private long roll(long now) {
		long second = second(now);
		long seen = this.currentSecond;
		if (second != seen) {
			synchronized (this) {
				if (second != this.currentSecond) {
					long count = this.current.getAndSet(0);
					this.lastSecondCount = (second == this.currentSecond + 1) ? count : 0;
					this.currentSecond = second;
				}
			}
		}
		return this.lastSecondCount;
	}

	private static long second(long nanos) {
		return Math.floorDiv(nanos, SECOND_NANOS);
	}

}
