package dev.replay.ingest.segment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the writes that concurrent requests queue for one writer are grouped into
 * transactions: what shares a batch, what a batch defers, and in which order.
 */
class BatchAssemblerTests {

	private final WriteQueue queue = new WriteQueue(1, 100, Long.MAX_VALUE);

	private final WriteQueue.Lane lane = this.queue.lanes().get(0);

	@Test
	void groupsTheWritesQueuedTogetherIntoOneBatch() throws Exception {
		List<PendingWrite> writes = List.of(Writes.of("a", "seq:0"), Writes.of("b", "seq:0", "seq:1"),
				Writes.of("c", "seq:0"));
		writes.forEach(this.queue::offer);
		assertThat(assembler(256, Duration.ofMillis(1)).next(this.lane)).containsExactlyElementsOf(writes);
		assertThat(this.lane.isEmpty()).isTrue();
	}

	@Test
	void takesAWriteThatComesWithinTheBatchDelay() throws Exception {
		PendingWrite first = Writes.of("a", "seq:0");
		PendingWrite late = Writes.of("b", "seq:0");
		this.queue.offer(first);
		CompletableFuture.runAsync(() -> this.queue.offer(late),
				CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
		// the late write fills the batch, which then closes without waiting out the delay
		assertThat(assembler(2, Duration.ofSeconds(30)).next(this.lane)).containsExactly(first, late);
	}

	@Test
	void closesTheBatchAtItsSegmentLimit() throws Exception {
		PendingWrite first = Writes.of("a", "seq:0", "seq:1");
		PendingWrite second = Writes.of("b", "seq:0", "seq:1");
		PendingWrite third = Writes.of("c", "seq:0");
		List.of(first, second, third).forEach(this.queue::offer);
		BatchAssembler assembler = assembler(3, Duration.ofMillis(200));
		// a write is never split: the batch that reached the limit holds all of its
		// segments
		assertThat(assembler.next(this.lane)).containsExactly(first, second);
		assertThat(assembler.next(this.lane)).containsExactly(third);
	}

	@Test
	void answersNoBatchWhenNothingIsQueued() throws Exception {
		BatchAssembler assembler = new BatchAssembler(256, Duration.ofMillis(1), Duration.ofMillis(10));
		assertThat(assembler.next(this.lane)).isEmpty();
		assertThat(assembler.hasDeferred()).isFalse();
	}

	@Test
	void defersAWriteThatRepeatsASegmentOfTheBatch() throws Exception {
		PendingWrite first = Writes.of("a", "seq:0", "seq:1");
		PendingWrite repeat = Writes.of("a", "seq:1");
		PendingWrite other = Writes.of("b", "seq:1");
		List.of(first, repeat, other).forEach(this.queue::offer);
		BatchAssembler assembler = assembler(256, Duration.ofMillis(1));
		assertThat(assembler.next(this.lane)).containsExactly(first, other);
		assertThat(assembler.hasDeferred()).isTrue();
		assertThat(assembler.next(this.lane)).containsExactly(repeat);
		assertThat(assembler.hasDeferred()).isFalse();
	}

	@Test
	void defersAWriteThatRepeatsARequestIdOfTheBatch() throws Exception {
		PendingWrite first = Writes.request("r-1", "a", "seq:0");
		PendingWrite retry = Writes.request("r-1", "b", "seq:0");
		PendingWrite otherRequest = Writes.request("r-2", "c", "seq:0");
		List.of(first, retry, otherRequest).forEach(this.queue::offer);
		BatchAssembler assembler = assembler(256, Duration.ofMillis(1));
		assertThat(assembler.next(this.lane)).containsExactly(first, otherRequest);
		assertThat(assembler.next(this.lane)).containsExactly(retry);
	}

	@Test
	void defersEachRepeatToABatchOfItsOwn() throws Exception {
		List<PendingWrite> copies = List.of(Writes.of("a", "seq:0"), Writes.of("a", "seq:0"), Writes.of("a", "seq:0"));
		copies.forEach(this.queue::offer);
		BatchAssembler assembler = assembler(256, Duration.ofMillis(1));
		assertThat(assembler.next(this.lane)).containsExactly(copies.get(0));
		assertThat(assembler.next(this.lane)).containsExactly(copies.get(1));
		assertThat(assembler.next(this.lane)).containsExactly(copies.get(2));
	}

	@Test
	void keepsTheOrderInWhichWritesWereQueued() throws Exception {
		List<PendingWrite> writes = List.of(Writes.of("c", "seq:0"), Writes.of("a", "seq:0"), Writes.of("b", "seq:2"),
				Writes.of("b", "seq:1"));
		writes.forEach(this.queue::offer);
		assertThat(assembler(256, Duration.ofMillis(1)).next(this.lane)).containsExactlyElementsOf(writes);
	}

	@Test
	void putsDeferredWritesFirstInTheNextBatch() throws Exception {
		PendingWrite first = Writes.of("a", "seq:0");
		PendingWrite repeat = Writes.of("a", "seq:0");
		this.queue.offer(first);
		this.queue.offer(repeat);
		BatchAssembler assembler = assembler(256, Duration.ofMillis(1));
		assertThat(assembler.next(this.lane)).containsExactly(first);
		PendingWrite newer = Writes.of("b", "seq:0");
		this.queue.offer(newer);
		assertThat(assembler.next(this.lane)).containsExactly(repeat, newer);
	}

	private static BatchAssembler assembler(int maxSegments, Duration maxDelay) {
		return new BatchAssembler(maxSegments, maxDelay);
	}

}
