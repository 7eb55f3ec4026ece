package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class DecodingSlotsTests {

	@Test
	void aDecodingWaitsWhileEverySlotIsTaken() throws Exception {
		DecodingSlots slots = new DecodingSlots(1);
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch firstMayEnd = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> decode(slots, () -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			firstStarted.countDown();
			await(firstMayEnd);
			running.decrementAndGet();
			return "first";
		}));
		assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> decode(slots, () -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			running.decrementAndGet();
			return "second";
		}));
		Thread.sleep(200);
		assertThat(second).isNotDone();
		firstMayEnd.countDown();
		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("first");
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
		assertThat(mostAtOnce).hasValue(1);
	}

	@Test
	void aFailedDecodingGivesItsSlotBack() throws Exception {
		DecodingSlots slots = new DecodingSlots(1);
		assertThatIOException().isThrownBy(() -> slots.decode(() -> {
			throw new IOException("corrupt");
		})).withMessage("corrupt");
		assertThat(CompletableFuture.supplyAsync(() -> decode(slots, () -> "next")).get(10, TimeUnit.SECONDS))
			.isEqualTo("next");
	}

	@Test
	void withoutAConcurrencyEveryProcessorGetsASlot() throws Exception {
		int processors = Runtime.getRuntime().availableProcessors();
		DecodingSlots slots = new DecodingSlots(0);
		CountDownLatch allStarted = new CountDownLatch(processors);
		CountDownLatch mayEnd = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(processors);
		try {
			CompletableFuture<?>[] decodings = new CompletableFuture<?>[processors];
			for (int i = 0; i < processors; i++) {
				decodings[i] = CompletableFuture.runAsync(() -> decode(slots, () -> {
					allStarted.countDown();
					await(mayEnd);
					return null;
				}), threads);
			}
			assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();
			mayEnd.countDown();
			CompletableFuture.allOf(decodings).get(10, TimeUnit.SECONDS);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static <T> T decode(DecodingSlots slots, DecodingSlots.Decoding<T> decoding) {
		try {
			return slots.decode(decoding);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(10, TimeUnit.SECONDS)) {
				throw new IllegalStateException("timed out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
