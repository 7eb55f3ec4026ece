package dev.replay.ingest.segment;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;

/**
 * How a batch is committed and its writes answered, the transaction itself stood in for.
 */
class SegmentWriterTests {

	private final SegmentStore store = mock(SegmentStore.class);

	private final IntakeAvailability availability = new IntakeAvailability(GroupCommitParts.properties(10, 256));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SegmentWriter writer = new SegmentWriter(this.store, this.availability, new IntakeActivity(),
			GroupCommitParts.metrics(this.registry));

	@Test
	void answersEachWriteOfABatchWithItsResultOnceTheBatchIsCommitted() {
		PendingWrite first = Writes.of("a", "seq:0");
		PendingWrite second = Writes.of("b", "seq:0", "seq:1");
		given(this.store.storeAll(List.of(first.write(), second.write())))
			.willReturn(List.of(WriteResult.written(1, 0), WriteResult.written(1, 1)));
		this.writer.commit(List.of(first, second));
		assertThat(first.result()).isCompletedWithValue(WriteResult.written(1, 0));
		assertThat(second.result()).isCompletedWithValue(WriteResult.written(1, 1));
		then(this.store).should(times(1)).storeAll(anyList());
		assertThat(this.registry.get("replay.ingest.batch.segments").summary().totalAmount()).isEqualTo(3);
	}

	@Test
	void writesTheWritesOfAFailedBatchOneByOneSoThatABadWriteFailsAlone() {
		PendingWrite good = Writes.of("a", "seq:0");
		PendingWrite bad = Writes.of("b", "seq:0");
		PendingWrite other = Writes.of("c", "seq:0");
		given(this.store.storeAll(List.of(good.write(), bad.write(), other.write())))
			.willThrow(new DataIntegrityViolationException("invalid byte sequence"));
		given(this.store.storeAll(List.of(good.write()))).willReturn(List.of(WriteResult.written(1, 0)));
		given(this.store.storeAll(List.of(bad.write())))
			.willThrow(new DataIntegrityViolationException("invalid byte sequence"));
		given(this.store.storeAll(List.of(other.write()))).willReturn(List.of(WriteResult.written(1, 0)));
		this.writer.commit(List.of(good, bad, other));
		assertThat(good.result()).isCompletedWithValue(WriteResult.written(1, 0));
		assertThat(other.result()).isCompletedWithValue(WriteResult.written(1, 0));
		assertThat(bad.result()).isCompletedExceptionally();
		// bad data is not tried again
		then(this.store).should(times(1)).storeAll(List.of(bad.write()));
	}

	@Test
	void triesAWriteAloneAgainAfterADeadlock() {
		PendingWrite write = Writes.of("a", "seq:0");
		given(this.store.storeAll(List.of(write.write())))
			.willThrow(new PessimisticLockingFailureException("deadlock detected"))
			.willReturn(List.of(WriteResult.written(1, 0)));
		this.writer.commit(List.of(write));
		assertThat(write.result()).isCompletedWithValue(WriteResult.written(1, 0));
		then(this.store).should(times(2)).storeAll(anyList());
	}

	@Test
	void givesUpOnAWriteThatKeepsFailingOnLocks() {
		PendingWrite write = Writes.of("a", "seq:0");
		given(this.store.storeAll(anyList())).willThrow(new PessimisticLockingFailureException("deadlock detected"));
		this.writer.commit(List.of(write));
		assertThat(write.result()).isCompletedExceptionally();
		// the batch, then three times alone
		then(this.store).should(times(4)).storeAll(anyList());
	}

	@Test
	void failsEveryWriteOfTheBatchAtOnceWhenTheDatabaseIsUnreachable() {
		PendingWrite first = Writes.of("a", "seq:0");
		PendingWrite second = Writes.of("b", "seq:0");
		given(this.store.storeAll(anyList())).willThrow(new DataAccessResourceFailureException("connection refused"));
		this.writer.commit(List.of(first, second));
		assertThat(first.result()).isCompletedExceptionally();
		assertThat(second.result()).isCompletedExceptionally();
		then(this.store).should(times(1)).storeAll(anyList());
		// the next requests are answered 503 without waiting for a connection
		assertThatExceptionOfType(IntakeUnavailableException.class).isThrownBy(this.availability::requireAvailable);
	}

}
