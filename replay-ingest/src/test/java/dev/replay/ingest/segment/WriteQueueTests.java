package dev.replay.ingest.segment;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The group commit's backpressure: what the queues take and what they refuse.
 */
class WriteQueueTests {

	@Test
	void refusesAWriteWhenItsQueueIsFull() {
		WriteQueue queue = new WriteQueue(1, 2, Long.MAX_VALUE);
		assertThat(queue.offer(Writes.of("a", "seq:0"))).isTrue();
		assertThat(queue.offer(Writes.of("b", "seq:0"))).isTrue();
		assertThat(queue.offer(Writes.of("c", "seq:0"))).isFalse();
		assertThat(queue.requests()).isEqualTo(2);
		queue.lanes().get(0).poll();
		assertThat(queue.offer(Writes.of("c", "seq:0"))).isTrue();
	}

	@Test
	void sharesItsCapacityEvenlyBetweenTheWriters() {
		WriteQueue queue = new WriteQueue(2, 4, Long.MAX_VALUE);
		PendingWrite write = Writes.of("a", "seq:0");
		// each writer's queue holds two: the session's queue is full after two
		assertThat(queue.offer(write)).isTrue();
		assertThat(queue.offer(Writes.of("a", "seq:1"))).isTrue();
		assertThat(queue.offer(Writes.of("a", "seq:2"))).isFalse();
		assertThat(queue.requests()).isEqualTo(2);
	}

	@Test
	void refusesAWritePastTheByteBudgetAndFreesTheBytesOfATakenWrite() {
		PendingWrite first = Writes.sized("a", 4000);
		WriteQueue queue = new WriteQueue(1, 100, first.bytes() + 1000);
		assertThat(queue.offer(first)).isTrue();
		assertThat(queue.bytes()).isEqualTo(first.bytes());
		assertThat(queue.offer(Writes.sized("b", 4000))).isFalse();
		assertThat(queue.bytes()).isEqualTo(first.bytes());
		assertThat(queue.lanes().get(0).poll()).isSameAs(first);
		assertThat(queue.bytes()).isZero();
		assertThat(queue.offer(Writes.sized("b", 4000))).isTrue();
	}

	@Test
	void takesAWriteLargerThanTheBudgetWhenNothingElseIsQueued() {
		WriteQueue queue = new WriteQueue(1, 100, 100);
		assertThat(queue.offer(Writes.sized("a", 10_000))).isTrue();
		assertThat(queue.offer(Writes.sized("b", 1))).isFalse();
	}

	@Test
	void putsTheWritesOfASessionInTheQueueOfOneWriter() {
		WriteQueue queue = new WriteQueue(4, 400, Long.MAX_VALUE);
		for (int i = 0; i < 20; i++) {
			queue.offer(Writes.of("session-7", "seq:" + i));
		}
		Set<Integer> used = new HashSet<>();
		for (int i = 0; i < 4; i++) {
			if (!queue.lanes().get(i).isEmpty()) {
				used.add(i);
			}
		}
		assertThat(used).hasSize(1);
		assertThat(queue.requests()).isEqualTo(20);
	}

}
