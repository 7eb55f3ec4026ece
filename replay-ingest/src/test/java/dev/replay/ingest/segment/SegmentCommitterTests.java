package dev.replay.ingest.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.replay.ingest.ProblemTypes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * What a request gets from the group commit when the writers cannot keep up: a 503 at
 * once, with the {@code Retry-After} that the SDKs honour, rather than a wait.
 */
class SegmentCommitterTests {

	private final SegmentStore store = mock(SegmentStore.class);

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void answers503WithRetryAfterWhenTheWritersQueueIsFull() throws Exception {
		CountDownLatch writing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		given(this.store.storeAll(anyList())).willAnswer((invocation) -> {
			writing.countDown();
			release.await(10, TimeUnit.SECONDS);
			List<WriteResult> results = new ArrayList<>();
			List<SegmentWrite> writes = invocation.getArgument(0);
			for (SegmentWrite write : writes) {
				results.add(WriteResult.written(write.segments().size(), 0));
			}
			return results;
		});
		SegmentCommitter committer = committer(1);
		committer.start();
		try {
			CompletableFuture<WriteResult> first = CompletableFuture
				.supplyAsync(() -> committer.write(Writes.of("a", "seq:0").write()));
			// the writer holds the first write in its transaction
			assertThat(writing.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<WriteResult> second = CompletableFuture
				.supplyAsync(() -> committer.write(Writes.of("b", "seq:0").write()));
			while (this.registry.get("replay.ingest.queue.requests").gauge().value() < 1) {
				Thread.sleep(5);
			}
			assertThatExceptionOfType(IntakeUnavailableException.class)
				.isThrownBy(() -> committer.write(Writes.of("c", "seq:0").write()))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
					assertThat(ex.getBody().getType()).isEqualTo(ProblemTypes.SERVICE_UNAVAILABLE);
					assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
				});
			release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).stored()).isOne();
			assertThat(second.get(10, TimeUnit.SECONDS).stored()).isOne();
		}
		finally {
			release.countDown();
			committer.stop();
		}
	}

	@Test
	void answers503WhenItIsNotRunning() {
		SegmentCommitter committer = committer(10);
		assertThatExceptionOfType(IntakeUnavailableException.class)
			.isThrownBy(() -> committer.write(Writes.of("a", "seq:0").write()));
	}

	private SegmentCommitter committer(int queueCapacity) {
		GroupCommitProperties properties = GroupCommitParts.properties(queueCapacity, 1);
		IntakeAvailability availability = new IntakeAvailability(properties);
		IntakeMetrics metrics = GroupCommitParts.metrics(this.registry);
		return new SegmentCommitter(properties, GroupCommitParts.rowStorage(),
				new SegmentWriter(this.store, availability, new IntakeActivity(), metrics), availability, metrics);
	}

}
