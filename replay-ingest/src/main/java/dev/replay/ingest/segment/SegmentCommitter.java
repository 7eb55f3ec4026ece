package dev.replay.ingest.segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.replay.core.segment.Violation;
import dev.replay.ingest.storage.StorageKind;
import dev.replay.ingest.storage.StorageProperties;
import dev.replay.ingest.storage.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Group commit: requests hand their writes to the {@link WriteQueue}, each writer thread
 * takes the batches its {@link BatchAssembler} groups from its queue and commits each in
 * one transaction ({@link SegmentWriter}), and each request is answered only once the
 * transaction that holds its segments has committed.
 */
@Component
@NamedInterface("api")
public class SegmentCommitter implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(SegmentCommitter.class);

	private static final String OVERLOADED = "The intake is overloaded; retry later.";

	private final GroupCommitProperties properties;

	private final WriteQueue queue;

	private final SegmentWriter writer;

	private final IntakeAvailability availability;

	private final IntakeMetrics metrics;

	private final Duration commitTimeout;

	private final long batchInterval;

	private final List<Thread> writers = new ArrayList<>();

	private volatile boolean running;

	SegmentCommitter(GroupCommitProperties properties, StorageProperties storage, SegmentWriter writer,
			IntakeAvailability availability, IntakeMetrics metrics) {
		this.properties = properties;
		// each group commit is one upload to the object store: fewer, larger ones
		this.batchInterval = (storage.kind() == StorageKind.S3) ? storage.s3().batchInterval().toNanos() : 0;
		this.queue = new WriteQueue(properties.writerThreads(), properties.queueCapacity(),
				properties.queueMaxSize().toBytes());
		this.writer = writer;
		this.availability = availability;
		this.metrics = metrics;
		this.commitTimeout = properties.commitTimeout();
		metrics.watchQueue(this.queue::requests, this.queue::bytes);
	}

	/**
	 * Write a request's segments and wait for the commit.
	 * @param write the write
	 * @return its result, once committed
	 * @throws IntakeUnavailableException if the queue is full, the database is
	 * unreachable or the commit does not come in time
	 * @throws MalformedSegmentException if the database refuses a value of the write
	 */
	public WriteResult write(SegmentWrite write) {
		this.availability.requireAvailable();
		PendingWrite pending = new PendingWrite(write);
		if (!this.running || !this.queue.offer(pending)) {
			throw this.availability.unavailable(OVERLOADED, null);
		}
		try {
			WriteResult result = pending.result().get(this.commitTimeout.toNanos(), TimeUnit.NANOSECONDS);
			if (result.status() == WriteResult.Status.WRITTEN || result.status() == WriteResult.Status.REQUEST_SEEN) {
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
			if (ex.getCause() instanceof StorageUnavailableException) {
				throw this.availability.unavailable("The recording storage is unreachable; retry later.",
						ex.getCause());
			}
			if (ex.getCause() instanceof DataIntegrityViolationException) {
				// the writer has logged it; the request alone failed
				throw new MalformedSegmentException("The segment holds a value that cannot be stored.",
						List.of(new Violation("$", "holds a value that cannot be stored")));
			}
			throw new IllegalStateException("Segments could not be stored.", ex.getCause());
		}
	}

	@Override
	public void start() {
		this.running = true;
		List<WriteQueue.Lane> lanes = this.queue.lanes();
		for (int i = 0; i < lanes.size(); i++) {
			WriteQueue.Lane lane = lanes.get(i);
			BatchAssembler assembler = new BatchAssembler(this.properties.batchMaxSegments(),
					this.properties.batchMaxDelay());
			Thread writer = new Thread(() -> run(lane, assembler), "segment-writer-" + i);
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

	private void run(WriteQueue.Lane lane, BatchAssembler assembler) {
		long lastCommit = System.nanoTime() - this.batchInterval;
		while (this.running || !lane.isEmpty() || assembler.hasDeferred()) {
			try {
				long wait = lastCommit + this.batchInterval - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				List<PendingWrite> batch = assembler.next(lane);
				if (!batch.isEmpty()) {
					lastCommit = System.nanoTime();
					this.writer.commit(batch);
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

}
