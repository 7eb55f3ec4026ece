package dev.replay.benchmark;

import java.util.List;

import dev.replay.ReplayClient;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.playback.PlaybackWindow;
import dev.replay.ingest.playback.SessionTimelines;
import dev.replay.ingest.segment.SessionCompaction;
import dev.replay.ingest.testsupport.TestObjectStore;
import dev.replay.ingest.timeline.SessionIndexer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Playback at the server: the first window of a 2-hour session (keyframe + 30 s), the
 * whole session streamed, and a session of more than 1 GB streamed in a heap of 256 MB
 * (the benchmarks profile runs this JVM with {@code -Xmx256m}). Prints its figures. With
 * {@code -Dbenchmark.storage=s3} (through {@code -Dbenchmark.jvm-args}) the recorded bytes
 * are in S3Proxy on this machine: the sessions are compacted into their own objects before
 * they are played, as a quiet session is.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD,
				"replay.timeline.enabled=false", "replay.retention.enabled=false",
				// the corpus recordings were made on fixed dates
				"replay.ingest.max-event-age=36500d" })
@Import(TestcontainersConfiguration.class)
class PlaybackBenchmark {

	private static final int WARM_UP_WINDOWS = 40;

	private static final boolean S3 = "s3".equals(System.getProperty("benchmark.storage"));

	// what the player asks for first (FIRST_WINDOW_MS in replay-player-web's windows.js)
	private static final long FIRST_WINDOW_MS = 10_000;

	private static final List<String> PAGES = List.of("dashboard", "css-animation", "errors-console", "form-inputs",
			"long-article", "spa-router");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionIndexer indexer;

	@Autowired
	SessionTimelines timelines;

	@Autowired
	SessionCompaction compaction;

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		if (S3) {
			TestObjectStore.get().register(registry, "replay-benchmark");
		}
	}

	@Test
	void twoHourSession() throws Exception {
		ReplayClient client = new ReplayClient(this.port);
		Figures.useApiToken(client);
		long buildStart = System.nanoTime();
		LongSessions.Built session = LongSessions.build(client, this.jdbc, PAGES, 2 * 3600_000L, 0);
		report("2-hour session built: %d segments, %s of rrweb JSON, %.0f min, in %.1f s", session.segments(),
				Figures.megabytes(session.bytes()), session.durationMs() / 60_000.0,
				(System.nanoTime() - buildStart) / 1e9);
		long indexStart = System.nanoTime();
		this.indexer.index(session.sessionId());
		long keyframes = this.jdbc.sql("select count(*) from keyframe where session_id = ?")
			.param(session.sessionId())
			.query(Long.class)
			.single();
		report("indexed in %.1f s: %d keyframes", (System.nanoTime() - indexStart) / 1e9, keyframes);
		compact(session);
		String events = "/api/v1/sessions/" + session.sessionId() + "/events";
		// an unwarmed JIT runs several times slower: open windows all over the session first
		for (int i = 0; i < WARM_UP_WINDOWS; i++) {
			long from = (i * 7919L % 118) * 60_000;
			Figures.download(client.uri(events + "?from=" + from + "&to=" + (from + 30_000)));
		}
		long[] moments = { 5, 17, 30, 42, 55, 68, 80, 95, 107, 115 };
		for (long length : new long[] { FIRST_WINDOW_MS, 30_000 }) {
			double[] times = new double[moments.length];
			long windowBytes = 0;
			for (int i = 0; i < moments.length; i++) {
				long from = moments[i] * 60_000;
				Figures.Download window = Figures
					.download(client.uri(events + "?from=" + from + "&to=" + (from + length)));
				times[i] = Figures.millis(window.nanos());
				windowBytes += window.bytes();
			}
			report("%s (keyframe + %d s) at %d moments: median %.1f ms, max %.1f ms, %s on average "
					+ "(target < 100 ms)", (length == FIRST_WINDOW_MS) ? "first window as the player asks" : "window",
					length / 1000, moments.length, Figures.median(times),
					java.util.Arrays.stream(times).max().orElseThrow(),
					Figures.megabytes(windowBytes / moments.length));
		}
		double[] opening = new double[moments.length];
		double[] assembling = new double[moments.length];
		for (int i = 0; i < moments.length; i++) {
			long from = moments[i] * 60_000;
			long start = System.nanoTime();
			PlaybackWindow window = this.timelines.window(session.sessionId(), from, from + FIRST_WINDOW_MS);
			long opened = System.nanoTime();
			long[] bytes = { 0 };
			window.forEach((event) -> bytes[0] += event.json().length);
			opening[i] = Figures.millis(opened - start);
			assembling[i] = Figures.millis(System.nanoTime() - opened);
		}
		report("of which, inside the server: finding the keyframe and segments median %.1f ms, reading and masking "
				+ "the events median %.1f ms; the rest is writing the JSON and HTTP", Figures.median(opening),
				Figures.median(assembling));
		Figures.download(client.uri(events));
		try (Figures.HeapSampler heap = new Figures.HeapSampler()) {
			Figures.Download whole = Figures.download(client.uri(events));
			report("whole session streamed: %s in %.2f s = %.0f MB/s (target >= 100 MB/s); max heap used %s of %s",
					Figures.megabytes(whole.bytes()), whole.nanos() / 1e9, whole.megabytesPerSecond(),
					Figures.megabytes(heap.maxUsed()), Figures.megabytes(Runtime.getRuntime().maxMemory()));
		}
	}

	@Test
	void gigabyteSessionInSmallHeap() throws Exception {
		ReplayClient client = new ReplayClient(this.port);
		Figures.useApiToken(client);
		long buildStart = System.nanoTime();
		LongSessions.Built session = LongSessions.build(client, this.jdbc, PAGES, 0, 1_050_000_000L);
		report("large session built: %d segments, %s of rrweb JSON, %.0f min, in %.1f s", session.segments(),
				Figures.megabytes(session.bytes()), session.durationMs() / 60_000.0,
				(System.nanoTime() - buildStart) / 1e9);
		compact(session);
		String events = "/api/v1/sessions/" + session.sessionId() + "/events";
		try (Figures.HeapSampler heap = new Figures.HeapSampler()) {
			Figures.Download whole = Figures.download(client.uri(events));
			report("large session streamed: %s in %.2f s = %.0f MB/s; max heap used %s with -Xmx %s",
					Figures.megabytes(whole.bytes()), whole.nanos() / 1e9, whole.megabytesPerSecond(),
					Figures.megabytes(heap.maxUsed()), Figures.megabytes(Runtime.getRuntime().maxMemory()));
		}
	}

	// with the object store, the segments move from their rows into objects of their own
	private void compact(LongSessions.Built session) {
		if (S3) {
			long start = System.nanoTime();
			long bytes = this.compaction.compact(session.sessionId());
			report("storage s3: compacted %s into objects in %.1f s", Figures.megabytes(bytes),
					(System.nanoTime() - start) / 1e9);
		}
		else {
			report("storage postgres");
		}
	}

	private static void report(String format, Object... arguments) {
		System.out.println("[benchmark] " + String.format(format, arguments));
	}

}
