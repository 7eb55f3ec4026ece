package dev.replay.ingest.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The backpressure of the group commit: one bounded queue per writer thread, and a budget
 * of queued bytes that all of them share. A session's writes always go to the same queue,
 * so that two writers never wait for each other's lock on a session row. A write that
 * finds its queue full or the budget spent is refused at once, never waited for.
 */
final class WriteQueue {

	private final List<Lane> lanes = new ArrayList<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final long maxBytes;

	/**
	 * Make the queues.
	 * @param writers how many writer threads take writes, one queue each
	 * @param capacity the most writes queued, shared evenly between the queues
	 * @param maxBytes the most bytes queued; a write alone is taken whatever its size
	 */
	WriteQueue(int writers, int capacity, long maxBytes) {
		int perWriter = Math.max(1, capacity / writers);
		for (int i = 0; i < writers; i++) {
			this.lanes.add(new Lane(new ArrayBlockingQueue<>(perWriter)));
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * Queue a write for the writer that owns its session.
	 * @param pending the write
	 * @return {@code false}, and nothing queued, if its queue is full or the queued bytes
	 * would pass the budget
	 */
	boolean offer(PendingWrite pending) {
		long queued = this.queuedBytes.addAndGet(pending.bytes());
		if (queued > this.maxBytes && queued != pending.bytes()) {
			this.queuedBytes.addAndGet(-pending.bytes());
			return false;
		}
		if (!laneOf(pending.write()).queue.offer(pending)) {
			this.queuedBytes.addAndGet(-pending.bytes());
			return false;
		}
		return true;
	}

	List<Lane> lanes() {
		return this.lanes;
	}

	/**
	 * How many writes wait for a writer.
	 * @return the writes in all queues
	 */
	int requests() {
		return this.lanes.stream().mapToInt((lane) -> lane.queue.size()).sum();
	}

	/**
	 * How many bytes wait for a writer.
	 * @return the bytes of the writes in all queues
	 */
	long bytes() {
		return this.queuedBytes.get();
	}

	private Lane laneOf(SegmentWrite write) {
		int hash = write.segments().isEmpty() ? 0 : write.segments().get(0).sessionId().hashCode();
		return this.lanes.get(Math.floorMod(hash, this.lanes.size()));
	}

	/**
	 * The queue of one writer thread.
	 */
	final class Lane {

		private final BlockingQueue<PendingWrite> queue;

		private Lane(BlockingQueue<PendingWrite> queue) {
			this.queue = queue;
		}

		/**
		 * Take the next write if one is queued.
		 * @return the write, or {@code null}
		 */
		@Nullable PendingWrite poll() {
			return taken(this.queue.poll());
		}

		/**
		 * Take the next write, waiting for one.
		 * @param nanos how long to wait at most
		 * @return the write, or {@code null} if none came in time
		 * @throws InterruptedException if the thread is interrupted while it waits
		 */
		@Nullable PendingWrite poll(long nanos) throws InterruptedException {
			return taken(this.queue.poll(nanos, TimeUnit.NANOSECONDS));
		}

		boolean isEmpty() {
			return this.queue.isEmpty();
		}

		private @Nullable PendingWrite taken(@Nullable PendingWrite pending) {
			if (pending != null) {
				WriteQueue.this.queuedBytes.addAndGet(-pending.bytes());
			}
			return pending;
		}

	}

}
