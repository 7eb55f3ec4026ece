package dev.replay.ingest.intake;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Bounds how many requests inflate and check their bodies at once, by default to the
 * number of processors: that work only uses the CPU, and more of it at once only crowds
 * out the threads the server also needs, the JIT compiler's first (ADR 0034). A request
 * takes a slot once its body has arrived and gives it back before it waits for its
 * commit.
 */
@Component
class DecodingSlots {

	private final Semaphore slots;

	@Autowired
	DecodingSlots(IngestProperties properties) {
		this(properties.decodingConcurrency());
	}

	DecodingSlots(int concurrency) {
		this.slots = new Semaphore((concurrency > 0) ? concurrency : Runtime.getRuntime().availableProcessors(), true);
	}

	/**
	 * Decode once a slot is free.
	 * @param <T> what the decoding returns
	 * @param decoding the decoding
	 * @return what it returned
	 * @throws IOException if it failed, or if the thread was interrupted while waiting
	 */
	<T> T decode(Decoding<T> decoding) throws IOException {
		try {
			this.slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting to decode the request body");
		}
		try {
			return decoding.run();
		}
		finally {
			this.slots.release();
		}
	}

	/**
	 * Work that inflates and checks a body.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface Decoding<T> {

		T run() throws IOException;

	}

}
