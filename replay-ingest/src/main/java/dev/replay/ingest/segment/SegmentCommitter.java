package dev.replay.ingest.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import dev.replay.core.segment.Violation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Group commit: requests hand their segments to bounded queues, one per writer thread and
 * chosen by session, each writer commits what has gathered in one transaction, and each
 * request is answered only once the transaction that holds its segments has committed. A
 * write that repeats a request id or a segment already in the batch waits for the next
 * batch, so that it is recognised as a repeat rather than failing the batch. When a batch
 * fails, its writes are retried one transaction each, so that one bad write fails alone.
 */
@Component
@NamedInterface("api")
public class SegmentCommitter implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(SegmentCommitter.class);

	private static final long WRITE_OVERHEAD_BYTES = 1024;

	private static final long IDLE_POLL_MILLIS = 100;

	// a write alone is tried again after a deadlock or a serialization failure
	private static final int MAX_ATTEMPTS_ALONE = 3;

	private final SegmentStore store;

	private final IntakeAvailability availability;

	private final IntakeActivity activity;

	private final IntakeMetrics metrics;

	// one queue per writer; a session's writes always go to the same writer, so that two
	// writers never wait for each other's lock on a session row
	private final List<BlockingQueue<Pending>> queues = new ArrayList<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final long maxQueuedBytes;

	private final int batchMaxSegments;

	private final long batchMaxDelayNanos;

	private final Duration commitTimeout;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	SegmentCommitter(GroupCommitProperties properties, SegmentStore store, IntakeAvailability availability,
			IntakeActivity activity, IntakeMetrics metrics) {
		this.store = store;
		this.availability = availability;
		this.activity = activity;
		this.metrics = metrics;
		int capacity = Math.max(1, properties.queueCapacity() / properties.writerThreads());
		for (int i = 0; i < properties.writerThreads(); i++) {
			this.queues.add(new ArrayBlockingQueue<>(capacity));
		}
		this.maxQueuedBytes = properties.queueMaxSize().toBytes();
		this.batchMaxSegments = properties.batchMaxSegments();
		this.batchMaxDelayNanos = properties.batchMaxDelay().toNanos();
		this.commitTimeout = properties.commitTimeout();
		metrics.watchQueue(() -> this.queues.stream().mapToInt(BlockingQueue::size).sum(), this.queuedBytes::get);
	}

	/**
	 * Write a request's segments and wait for the commit.
	 * @param write the write
	 * @return its result, once committed
	 * @throws IntakeUnavailableException if the queue is full, the database is
	 * unreachable or the commit does not come in time
	 */
	public WriteResult write(SegmentWrite write) {
		this.availability.requireAvailable();
		Pending pending = new Pending(write);
		if (!this.running || !reserve(pending.bytes)) {
			throw this.availability.unavailable("The intake is overloaded; retry later.", null);
		}
		if (!queueOf(write).offer(pending)) {
			this.queuedBytes.addAndGet(-pending.bytes);
			throw this.availability.unavailable("The intake is overloaded; retry later.", null);
		}
		try {
			WriteResult result = pending.result.get(this.commitTimeout.toNanos(), TimeUnit.NANOSECONDS);
			if (result.status() != WriteResult.Status.SESSION_CONFLICT) {
				long bytes = write.segments().stream().mapToLong(NewSegment::receivedBytes).sum();
				this.metrics.accepted(result.stored(), result.duplicates(), bytes);
			}
			return result;
		}
		catch (TimeoutException ex) {
			throw this.availability.unavailable("The segments were not committed in time; retry later.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw this.availability.unavailable("The request was interrupted; retry later.", ex);
		}
		catch (ExecutionException ex) {
			IntakeUnavailableException unavailable = this.availability.translate(ex.getCause());
			if (unavailable != null) {
				throw unavailable;
			}
			if (ex.getCause() instanceof DataIntegrityViolationException) {
				// the writer has logged it; the request alone failed
				throw new MalformedSegmentException("The segment holds a value that cannot be stored.",
						List.of(new Violation("$", "holds a value that cannot be stored")));
			}
			throw new IllegalStateException("Segments could not be stored.", ex.getCause());
		}
	}

	private boolean reserve(long bytes) {
		long queued = this.queuedBytes.addAndGet(bytes);
		if (queued > this.maxQueuedBytes && queued != bytes) {
			this.queuedBytes.addAndGet(-bytes);
			return false;
		}
		return true;
	}

	@Override
	public void start() {
		this.running = true;
		for (int i = 0; i < this.queues.size(); i++) {
			BlockingQueue<Pending> queue = this.queues.get(i);
			Thread writer = new Thread(() -> run(queue), "segment-writer-" + i);
			writer.setDaemon(true);
			writer.start();
			this.writers.add(writer);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		for (Thread writer : this.writers) {
			try {
				writer.join(this.commitTimeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.writers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// stop after the web server has stopped taking requests
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private BlockingQueue<Pending> queueOf(SegmentWrite write) {
		int hash = write.segments().isEmpty() ? 0 : write.segments().get(0).sessionId().hashCode();
		return this.queues.get(Math.floorMod(hash, this.queues.size()));
	}

	private void run(BlockingQueue<Pending> queue) {
		List<Pending> carried = new ArrayList<>();
		while (this.running || !queue.isEmpty() || !carried.isEmpty()) {
			try {
				List<Pending> batch = collect(queue, carried);
				if (!batch.isEmpty()) {
					commit(batch);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				LOG.error("Segment writer failed", ex);
			}
		}
	}

	private List<Pending> collect(BlockingQueue<Pending> queue, List<Pending> carried) throws InterruptedException {
		Batch batch = new Batch();
		List<Pending> deferred = new ArrayList<>();
		for (Pending pending : carried) {
			batch.addOrDefer(pending, deferred);
		}
		carried.clear();
		if (batch.isEmpty()) {
			Pending first = take(queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS));
			if (first == null) {
				carried.addAll(deferred);
				return List.of();
			}
			batch.addOrDefer(first, deferred);
		}
		long deadline = System.nanoTime() + this.batchMaxDelayNanos;
		while (batch.segments < this.batchMaxSegments) {
			Pending next = take(queue.poll());
			if (next == null) {
				long wait = deadline - System.nanoTime();
				if (wait <= 0) {
					break;
				}
				next = take(queue.poll(wait, TimeUnit.NANOSECONDS));
				if (next == null) {
					break;
				}
			}
			batch.addOrDefer(next, deferred);
		}
		carried.addAll(deferred);
		return batch.pending;
	}

	private @Nullable Pending take(@Nullable Pending pending) {
		if (pending != null) {
			this.queuedBytes.addAndGet(-pending.bytes);
		}
		return pending;
	}

	private void commit(List<Pending> batch) {
		List<SegmentWrite> writes = batch.stream().map((pending) -> pending.write).toList();
		int segments = writes.stream().mapToInt((write) -> write.segments().size()).sum();
		long started = System.nanoTime();
		try {
			List<WriteResult> results = this.store.storeAll(writes);
			this.metrics.committed(segments, System.nanoTime() - started, true);
			this.availability.markReachable();
			this.activity.committed(segments);
			for (int i = 0; i < batch.size(); i++) {
				batch.get(i).result.complete(results.get(i));
			}
		}
		catch (RuntimeException ex) {
			this.metrics.committed(segments, System.nanoTime() - started, false);
			if (IntakeAvailability.isUnreachable(ex)) {
				this.availability.markUnreachable(ex);
				batch.forEach((pending) -> pending.result.completeExceptionally(ex));
				return;
			}
			if (batch.size() > 1) {
				// each write that fails again alone is logged then
				LOG.debug("A batch of {} writes failed; writing them one by one: {}", batch.size(), ex.toString());
			}
			for (Pending pending : batch) {
				commitAlone(pending, (batch.size() > 1) ? null : ex);
			}
		}
	}

	private void commitAlone(Pending pending, @Nullable RuntimeException first) {
		RuntimeException failure = first;
		for (int attempt = 0; attempt < MAX_ATTEMPTS_ALONE; attempt++) {
			if (failure != null && !(failure instanceof ConcurrencyFailureException)) {
				break;
			}
			int segments = pending.write.segments().size();
			long started = System.nanoTime();
			try {
				WriteResult result = this.store.storeAll(List.of(pending.write)).get(0);
				this.metrics.committed(segments, System.nanoTime() - started, true);
				pending.result.complete(result);
				return;
			}
			catch (RuntimeException ex) {
				this.metrics.committed(segments, System.nanoTime() - started, false);
				failure = ex;
			}
		}
		Objects.requireNonNull(failure);
		if (IntakeAvailability.isUnreachable(failure)) {
			this.availability.markUnreachable(failure);
		}
		else if (failure instanceof DataIntegrityViolationException refused) {
			// bad data of one request: one line, without the stack trace
			LOG.warn("Segments of session {} were refused by the database: {}",
					pending.write.segments().get(0).sessionId(), refused.getMostSpecificCause().getMessage());
		}
		else {
			LOG.error("Segments of session {} could not be stored", pending.write.segments().get(0).sessionId(),
					failure);
		}
		pending.result.completeExceptionally(failure);
	}

	/**
	 * A write waiting for its commit.
	 */
	private static final class Pending {

		private final SegmentWrite write;

		private final long bytes;

		private final CompletableFuture<WriteResult> result = new CompletableFuture<>();

		Pending(SegmentWrite write) {
			this.write = write;
			long bytes = WRITE_OVERHEAD_BYTES;
			for (NewSegment segment : write.segments()) {
				bytes += segment.body().length + WRITE_OVERHEAD_BYTES;
			}
			this.bytes = bytes;
		}

		List<String> keys() {
			List<String> keys = new ArrayList<>();
			if (this.write.claimsRequest()) {
				keys.add("r\u0000" + this.write.requestApplicationId() + "\u0000" + this.write.requestId());
			}
			for (NewSegment segment : this.write.segments()) {
				keys.add("s\u0000" + segment.sessionId() + "\u0000" + segment.dedupKey());
			}
			return keys;
		}

	}

	/**
	 * The writes of one transaction, none repeating another's request id or segment.
	 */
	private static final class Batch {

		private final List<Pending> pending = new ArrayList<>();

		private final Set<String> keys = new HashSet<>();

		private int segments;

		void addOrDefer(Pending write, List<Pending> deferred) {
			List<String> writeKeys = write.keys();
			for (String key : writeKeys) {
				if (this.keys.contains(key)) {
					deferred.add(write);
					return;
				}
			}
			this.keys.addAll(writeKeys);
			this.pending.add(write);
			this.segments += write.write.segments().size();
		}

		boolean isEmpty() {
			return this.pending.isEmpty();
		}

	}

}
