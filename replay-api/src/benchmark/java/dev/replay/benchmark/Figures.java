package dev.replay.benchmark;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import dev.replay.ReplayClient;

/**
 * Measuring helpers of the benchmarks: timed downloads and a heap sampler.
 */
final class Figures {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	// how the downloads authenticate; an API token, as REST clients do, by default HTTP Basic
	private static volatile String authorization = ReplayClient.ADMIN_BASIC;

	private Figures() {
	}

	/**
	 * Download a response body as the admin, uncompressed, discarding it.
	 * @param uri the address
	 * @return the bytes and the time taken
	 * @throws Exception if the request fails
	 */
	static Download download(URI uri) throws Exception {
		long start = System.nanoTime();
		HttpResponse<InputStream> response = HTTP.send(
				HttpRequest.newBuilder(uri).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		long bytes = 0;
		byte last = 0;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = response.body()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				bytes += read;
				last = (read > 0) ? buffer[read - 1] : last;
			}
		}
		if (response.statusCode() != 200 || last != ']') {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + ", ending with " + last);
		}
		return new Download(bytes, System.nanoTime() - start);
	}

	/**
	 * Authenticate the downloads with a personal API token of the admin, as a REST client
	 * or the signed-in player would (HTTP Basic hashes the password on every request).
	 * @param client the client of the app under test
	 */
	static void useApiToken(ReplayClient client) {
		HttpResponse<String> response = client.postJsonAsAdmin("/api/v1/me/tokens", Map.of("name", "bench"));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("No API token: " + response.body());
		}
		authorization = "Bearer " + ReplayClient.json(response.body()).path("token").asString();
	}

	static double millis(long nanos) {
		return nanos / 1e6;
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	static String each(double[] values) {
		return Arrays.stream(values).mapToObj((value) -> String.format("%.0f", value)).collect(Collectors.joining(", "));
	}

	/**
	 * A body downloaded.
	 *
	 * @param bytes its size
	 * @param nanos the time from the request to its last byte
	 */
	record Download(long bytes, long nanos) {

		double megabytesPerSecond() {
			return (this.bytes / 1e6) / (this.nanos / 1e9);
		}

	}

	/**
	 * Samples the used heap every 20 ms while open.
	 */
	static final class HeapSampler implements AutoCloseable {

		private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

		private final Thread thread;

		private volatile boolean running = true;

		private volatile long max;

		HeapSampler() {
			System.gc();
			this.thread = new Thread(() -> {
				while (this.running) {
					this.max = Math.max(this.max, this.memory.getHeapMemoryUsage().getUsed());
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long maxUsed() {
			return this.max;
		}

		@Override
		public void close() {
			this.running = false;
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	static String megabytes(long bytes) {
		return String.format("%.1f MB", bytes / 1e6);
	}


}
