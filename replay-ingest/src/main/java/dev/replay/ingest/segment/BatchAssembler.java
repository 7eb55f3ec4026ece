package dev.replay.ingest.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups the writes that concurrent requests queued for one writer into batches, each to
 * be committed in one transaction. A batch takes what is queued and waits for more up to
 * the batch delay, or until it holds the most segments a batch may hold. A write that
 * repeats a request id or a segment already in the batch is deferred to the next batch,
 * where it is recognised as a repeat of what the first one stored instead of failing the
 * transaction. Writes keep the order they were queued in, deferred writes first, so that
 * a client's later write never overtakes an earlier one. One assembler serves one writer
 * thread.
 */
final class BatchAssembler {

	private static final Duration IDLE_POLL = Duration.ofMillis(100);

	private final int maxSegments;

	private final long maxDelayNanos;

	private final long idlePollNanos;

	private final List<PendingWrite> deferred = new ArrayList<>();

	/**
	 * Make an assembler.
	 * @param maxSegments a batch closes once it holds this many segments
	 * @param maxDelay how long a batch that is not full waits for more writes
	 */
	BatchAssembler(int maxSegments, Duration maxDelay) {
		this(maxSegments, maxDelay, IDLE_POLL);
	}

	BatchAssembler(int maxSegments, Duration maxDelay, Duration idlePoll) {
		this.maxSegments = maxSegments;
		this.maxDelayNanos = maxDelay.toNanos();
		this.idlePollNanos = idlePoll.toNanos();
	}

	/**
	 * Assemble the next batch: the deferred writes, then what the queue holds or brings
	 * within the batch delay.
	 * @param queue the writer's queue
	 * @return the writes of the batch, in order; empty when nothing came within the idle
	 * poll time
	 * @throws InterruptedException if the thread is interrupted while it waits
	 */
	List<PendingWrite> next(WriteQueue.Lane queue) throws InterruptedException {
		Batch batch = new Batch();
		List<PendingWrite> carried = new ArrayList<>(this.deferred);
		this.deferred.clear();
		for (PendingWrite pending : carried) {
			batch.addOrDefer(pending);
		}
		if (batch.isEmpty()) {
			PendingWrite first = queue.poll(this.idlePollNanos);
			if (first == null) {
				return List.of();
			}
			batch.addOrDefer(first);
		}
		long deadline = System.nanoTime() + this.maxDelayNanos;
		while (batch.segments < this.maxSegments) {
			PendingWrite next = queue.poll();
			if (next == null) {
				long wait = deadline - System.nanoTime();
				if (wait <= 0) {
					break;
				}
				next = queue.poll(wait);
				if (next == null) {
					break;
				}
			}
			batch.addOrDefer(next);
		}
		return batch.writes;
	}

	/**
	 * Whether writes wait for the next batch because they repeated one of an earlier one.
	 * @return {@code true} if some do
	 */
	boolean hasDeferred() {
		return !this.deferred.isEmpty();
	}

	/**
	 * The writes of one transaction, none repeating another's request id or segment.
	 */
	private final class Batch {

		private final List<PendingWrite> writes = new ArrayList<>();

		private final Set<String> keys = new HashSet<>();

		private int segments;

		void addOrDefer(PendingWrite write) {
			List<String> writeKeys = write.keys();
			for (String key : writeKeys) {
				if (this.keys.contains(key)) {
					BatchAssembler.this.deferred.add(write);
					return;
				}
			}
			this.keys.addAll(writeKeys);
			this.writes.add(write);
			this.segments += write.segments();
		}

		boolean isEmpty() {
			return this.writes.isEmpty();
		}

	}

}
