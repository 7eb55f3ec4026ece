package dev.replay.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.timeline.SessionIndexer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeking in the browser, in one headless Chromium, for a 60-minute and a 6-hour session:
 * the time until minute 55 (and 5 h 55 min) shows in our player (windowed loading from the
 * keyframe) and in rrweb-player given the whole event list, and their ratio; a deep link
 * opened with an empty browser cache; ten seeks within an open session; the tab's memory
 * while seeking across the 6-hour session; and where the time of opening a moment goes,
 * from the page's own timings and Chromium's trace of its main thread. Each figure is the
 * median of three repetitions.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "replay.security.admin-password=" + ReplayClient.ADMIN_PASSWORD,
				"replay.timeline.enabled=false", "replay.retention.enabled=false",
				// the corpus recordings were made on fixed dates
				"replay.ingest.max-event-age=36500d" })
@Import(TestcontainersConfiguration.class)
class SeekBenchmark {

	private static final List<String> PAGES = List.of("css-animation", "errors-console", "form-inputs",
			"long-article", "spa-router");

	private static final long MINUTE = 60_000L;

	private static final int REPETITIONS = 3;

	private static final int SEEKS = 10;

	// rrweb-player parses and replays the whole session for every seek: beyond this, one try
	private static final double RRWEB_PLAYER_PATIENCE_MS = 60_000;

	private static final Path BENCH_PAGE = Path.of("..", "replay-player-web", "target", "bench");

	// each page's own time (ms since navigation) of the frame that shows the moment, or null
	// until then: our player marks the frame after it reached the moment and paused
	private static final String PAUSED = """
			const drawn = document.getElementById('player')?.dataset.state === 'paused'
			    && performance.getEntriesByName('replay:drawn');
			return drawn && drawn.length ? drawn[drawn.length - 1].startTime : null""";

	private static final String RRWEB_DONE = """
			return document.body.dataset.done !== undefined ? Number(document.body.dataset.done) : null""";

	// where the seeks of the breakdown go, as parts of the session: far apart, then back
	private static final double[] SEEK_BREAKDOWN_AT = { 0.2, 0.7, 0.45, 0.2 + 1.0 / 120, 0.7 };

	// seeks as a click on the seek bar does, and reports the window request and the
	// player's measured steps since the click, once the next frame after the moment shown
	private static final String SEEK_STEPS = """
			const [at, done] = arguments;
			performance.clearMeasures();
			performance.clearResourceTimings();
			const seek = document.getElementById('seek');
			const before = performance.getEntriesByName('replay:shown').length;
			const started = performance.now();
			seek.value = String(at);
			seek.dispatchEvent(new Event('input', { bubbles: true }));
			const round = (n) => Math.round(n);
			const report = () => {
			  const steps = {};
			  for (const m of performance.getEntriesByType('measure').filter((m) => m.name.startsWith('replay:'))) {
			    steps[m.name.substring(7)] = round(m.startTime - started) + '+' + round(m.duration);
			  }
			  const w = performance.getEntriesByType('resource').find((e) => e.name.includes('/events?'));
			  done({ total: performance.now() - started, steps: JSON.stringify(steps),
			      window: w ? round(w.startTime - started) + '+' + round(w.responseStart - w.startTime) + '+'
			          + round(w.responseEnd - w.responseStart) : '-' });
			};
			const check = () => {
			  if (performance.getEntriesByName('replay:shown').length > before) {
			    requestAnimationFrame(report);
			  } else {
			    setTimeout(check, 2);
			  }
			};
			check();""";

	private static final Map<String, Path> EVENT_FILES = new ConcurrentHashMap<>();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionIndexer indexer;

	@Autowired
	MeterRegistry meters;

	@Test
	void seekingInLongSessions() throws Exception {
		MachineLoad load = MachineLoad.start();
		ReplayClient client = new ReplayClient(this.port);
		Session hour = session(client, "60-minute", 60 * MINUTE, "minute 55", 55 * MINUTE);
		Session sixHours = session(client, "6-hour", 360 * MINUTE, "6-hour session, minute 355", 355 * MINUTE);
		HttpServer server = serve();
		ChromeDriver browser = HeadlessChromium.start();
		try {
			signIn(browser, base(this.port));
			for (Session session : List.of(hour, sixHours)) {
				openMoment(browser, server, session);
				deepLink(browser, session);
				seeks(browser, session);
				seekBreakdown(browser, session);
			}
		}
		finally {
			browser.quit();
		}
		// the tab's memory in a browser of its own: rrweb-player's tabs above leave the
		// renderers of that browser hundreds of MB that are not our player's
		ChromeDriver seeking = HeadlessChromium.start();
		try {
			signIn(seeking, base(this.port));
			memory(seeking, sixHours);
		}
		finally {
			seeking.quit();
		}
		ChromeDriver traced = HeadlessChromium.start(MainThreadTrace::enable);
		try {
			signIn(traced, base(this.port));
			for (Session session : List.of(hour, sixHours)) {
				breakdown(traced, session);
			}
		}
		finally {
			traced.quit();
			server.stop(0);
			for (Path file : EVENT_FILES.values()) {
				Files.deleteIfExists(file);
			}
		}
		report("the machine during the run: %s", (load != null) ? load.describe() : "unknown");
	}

	private Session session(ReplayClient client, String name, long durationMs, String moment, long target)
			throws Exception {
		LongSessions.Built built = LongSessions.build(client, this.jdbc, PAGES, durationMs, 0);
		this.indexer.index(built.sessionId());
		Path events = Files.createTempFile("replay-seek-", ".json");
		HttpResponse<Path> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(client.uri("/api/v1/sessions/" + built.sessionId() + "/events"))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.build(), HttpResponse.BodyHandlers.ofFile(events));
		EVENT_FILES.put(built.sessionId(), download.body());
		report("%s session: %d segments, %s of rrweb JSON", name, built.segments(),
				Figures.megabytes(Files.size(download.body())));
		return new Session(name, built.sessionId(), built.durationMs(), moment, target);
	}

	// Minute 55 by a deep link, in our player and in rrweb-player fed the whole session.
	private void openMoment(ChromeDriver browser, HttpServer server, Session session) {
		String ours = ours(session, session.target());
		String theirs = "http://localhost:" + server.getAddress().getPort() + "/rrweb-player.html?t="
				+ session.target() + "&events=/events/" + session.id() + ".json";
		// warm up both pages once (browser caches and JIT), then measure each three times
		measure(browser, ours, PAUSED);
		double first = measureOrGiveUp(browser, theirs);
		double[] oursMs = new double[REPETITIONS];
		List<Double> theirsMs = new ArrayList<>();
		for (int i = 0; i < REPETITIONS; i++) {
			oursMs[i] = measure(browser, ours, PAUSED);
			if (first < RRWEB_PLAYER_PATIENCE_MS || theirsMs.isEmpty()) {
				theirsMs.add((first < RRWEB_PLAYER_PATIENCE_MS) ? measureOrGiveUp(browser, theirs) : first);
			}
		}
		measure(browser, ours, PAUSED);
		report("our player's requests (start and duration, ms): %s", browser.executeScript(
				"return performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, '')"
						+ " + ' ' + Math.round(e.startTime) + '+' + Math.round(e.duration)).join(', ')"));
		double our = Figures.median(oursMs);
		double their = Figures.median(theirsMs.stream().mapToDouble(Double::doubleValue).toArray());
		report("%s shown: our player %.0f ms (target < 500 ms), rrweb-player with the whole event list %.0f ms%s; "
				+ "rrweb-player takes %.1f x as long (target >= 5)", session.moment(), our, their,
				(theirsMs.size() < REPETITIONS) ? " (one try)" : "", their / our);
		report("%s shown, each repetition: our player %s ms, rrweb-player %s ms", session.moment(),
				Figures.each(oursMs), Figures.each(theirsMs.stream().mapToDouble(Double::doubleValue).toArray()));
	}

	// rrweb-player may not manage a whole long session at all (the tab runs out of memory):
	// then the time it took to fail stands for its figure. It runs in a tab of its own, closed
	// after it: in our player's tab, the renderer was still collecting the hundreds of MB it
	// leaves behind when our player's next measurement started.
	private static double measureOrGiveUp(ChromeDriver browser, String url) {
		String ours = browser.getWindowHandle();
		browser.switchTo().newWindow(WindowType.TAB);
		long started = System.nanoTime();
		try {
			return measure(browser, url, RRWEB_DONE);
		}
		catch (RuntimeException ex) {
			report("rrweb-player failed after %.0f ms: %s", Figures.millis(System.nanoTime() - started),
					ex.getMessage().lines().findFirst().orElse(""));
			return Figures.millis(System.nanoTime() - started);
		}
		finally {
			try {
				browser.close();
			}
			catch (RuntimeException ex) {
				// the tab is gone already (it ran out of memory)
			}
			browser.switchTo().window(ours);
		}
	}

	// A shared link to a moment, opened with an empty browser cache, until its first frame.
	private void deepLink(ChromeDriver browser, Session session) {
		double[] ms = new double[REPETITIONS];
		for (int i = 0; i < REPETITIONS; i++) {
			browser.executeCdpCommand("Network.enable", Map.of());
			browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
			ms[i] = measure(browser, ours(session, session.durationMs() / 3), PAUSED);
		}
		report("%s session, deep link /replays/{id}?t=%d&autoplay=0 with an empty browser cache, first frame: "
				+ "%.0f ms (target < 500 ms)", session.name(), session.durationMs() / 3, Figures.median(ms));
	}

	// Ten seeks to moments anywhere in the session, as clicks on the seek bar, a second apart.
	private void seeks(ChromeDriver browser, Session session) throws InterruptedException {
		double[] medians = new double[REPETITIONS];
		double slowest = 0;
		for (int i = 0; i < REPETITIONS; i++) {
			measure(browser, ours(session, session.target()), PAUSED);
			Random random = new Random(55);
			double[] ms = new double[SEEKS];
			for (int seek = 0; seek < SEEKS; seek++) {
				ms[seek] = seekTo(browser, (long) (random.nextDouble() * session.durationMs()));
				slowest = Math.max(slowest, ms[seek]);
				Thread.sleep(1000);
			}
			medians[i] = Figures.median(ms);
		}
		report("%s session, ten seeks within the open session: median %.0f ms (target < 200 ms), slowest %.0f ms",
				session.name(), Figures.median(medians), slowest);
	}

	// Where the time of a seek within the open session goes: the window request (start, first
	// byte and rest, since the click) and the player's steps, for seeks far from each other
	// and back to a moment shown before.
	private void seekBreakdown(ChromeDriver browser, Session session) {
		measure(browser, ours(session, session.target()), PAUSED);
		long duration = session.durationMs();
		double[] ms = new double[SEEK_BREAKDOWN_AT.length];
		for (int i = 0; i < SEEK_BREAKDOWN_AT.length; i++) {
			long at = (long) (SEEK_BREAKDOWN_AT[i] * duration);
			browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
			Timer server = this.meters.find("replay.playback").tag("window", "range").timer();
			long count = (server != null) ? server.count() : 0;
			double serverMs = (server != null) ? server.totalTime(TimeUnit.MILLISECONDS) : 0;
			@SuppressWarnings("unchecked")
			Map<String, Object> seek = (Map<String, Object>) browser.executeAsyncScript(SEEK_STEPS, at);
			ms[i] = ((Number) seek.get("total")).doubleValue();
			server = this.meters.find("replay.playback").tag("window", "range").timer();
			String served = (server != null && server.count() > count) ? String.format("%.0f ms for %d request(s)",
					server.totalTime(TimeUnit.MILLISECONDS) - serverMs, server.count() - count) : "no request";
			report("%s session, a seek to minute %d, where the time goes (ms since the click; start+first byte+rest): "
					+ "window %s (the server: %s); player steps (start+duration) %s; drawn after %.0f ms",
					session.name(), at / MINUTE, seek.get("window"), served, seek.get("steps"), ms[i]);
		}
		report("%s session, seeks of the breakdown: median %.0f ms", session.name(), Figures.median(ms));
	}

	// The tab's memory, sampled while it seeks across the 6-hour session ten times.
	private void memory(ChromeDriver browser, Session session) throws InterruptedException {
		measure(browser, ours(session, session.target()), PAUSED);
		browser.executeCdpCommand("Performance.enable", Map.of());
		try (TabMemory memory = new TabMemory(browser)) {
			Random random = new Random(6);
			for (int seek = 0; seek < SEEKS; seek++) {
				seekTo(browser, (long) (random.nextDouble() * session.durationMs()));
				memory.sampleHeap();
				Thread.sleep(1000);
				memory.sampleHeap();
			}
			report("%s session, the tab's memory while seeking across it ten times: %s (target < 300 MB)",
					session.name(), memory.describe());
			report("%s session, the tab after a garbage collection: %s", session.name(),
					memory.afterGarbageCollection());
		}
	}

	// Where the time to minute 55 goes: the page's own timings, and the main thread's trace.
	private void breakdown(ChromeDriver browser, Session session) {
		String url = ours(session, session.target());
		measure(browser, url, PAUSED);
		// Chromium does not always deliver the trace of a heavy page: then once more
		for (int attempt = 1; !tracedBreakdown(browser, session, url, attempt == 3); attempt++) {
			report("%s, no trace of the main thread in attempt %d", session.moment(), attempt);
		}
	}

	// One traced opening of the moment and where its time went; whether the trace had it
	// (or this was the last attempt).
	private boolean tracedBreakdown(ChromeDriver browser, Session session, String url, boolean last) {
		MainThreadTrace.clear(browser);
		double shown = measure(browser, url, PAUSED);
		@SuppressWarnings("unchecked")
		Map<String, Object> page = (Map<String, Object>) browser.executeScript("""
				const round = (n) => Math.round(n);
				const steps = {};
				for (const m of performance.getEntriesByType('measure').filter((m) => m.name.startsWith('replay:'))) {
				  steps[m.name.substring(7)] = round(m.startTime) + '+' + round(m.duration);
				}
				const navigation = performance.getEntriesByType('navigation')[0];
				const resource = (name) => performance.getEntriesByType('resource').find((e) => name.test(e.name));
				const timing = (e) => e ? round(e.startTime) + '+' + round(e.responseStart - e.startTime) + '+'
				    + round(e.responseEnd - e.responseStart) : '-';
				return {
				  html: timing(navigation), script: timing(resource(/\\/player\\/assets\\/player-\\w+\\.js$/)),
				  window: timing(resource(/\\/events\\?/)), steps: JSON.stringify(steps),
				  shown: round(performance.getEntriesByName('replay:shown')[0].startTime) };
				""");
		report("%s, where the time goes (ms since navigation; start+first byte+rest): page %s, player.js %s, "
				+ "keyframe window %s; player steps (start+duration) %s; shown at %s ms", session.moment(),
				page.get("html"), page.get("script"), page.get("window"), page.get("steps"), page.get("shown"));
		double shownAt = ((Number) page.get("shown")).doubleValue();
		List<JsonNode> trace = MainThreadTrace.collect(browser);
		Map<String, Double> untilShown;
		Map<String, Double> untilDrawn;
		try {
			untilShown = MainThreadTrace.until(trace, "replay:shown", shownAt);
			untilDrawn = MainThreadTrace.between(trace, "replay:shown", "replay:drawn");
		}
		catch (IllegalStateException ex) {
			if (last) {
				report("%s, the main thread until shown: no trace (%s)", session.moment(), ex.getMessage());
			}
			return last;
		}
		report("%s, the main thread until shown (Chromium trace, %.0f ms with tracing on): %s", session.moment(),
				shown, describe(untilShown));
		report("%s, the main thread from shown to the frame that draws it (Chromium trace): %s", session.moment(),
				describe(untilDrawn));
		return true;
	}

	private static String describe(Map<String, Double> byKind) {
		return byKind.entrySet()
			.stream()
			.map((entry) -> String.format("%s %.0f ms", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

	private String ours(Session session, long at) {
		return base(this.port) + "/replays/" + session.id() + "?t=" + at + "&autoplay=0";
	}

	private static String base(int port) {
		return "http://localhost:" + port;
	}

	private static void signIn(ChromeDriver browser, String base) {
		browser.get(base + "/login");
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid=sign-in]")));
		browser.findElement(By.cssSelector("[data-testid=username]")).sendKeys("admin");
		browser.findElement(By.cssSelector("[data-testid=password]")).sendKeys(ReplayClient.ADMIN_PASSWORD);
		browser.findElement(By.cssSelector("[data-testid=sign-in]")).click();
		wait.until((driver) -> !driver.getCurrentUrl().contains("/login"));
	}

	// The time from the start of navigation until the page reports it shows the moment.
	// The page's own time of the frame that shows the moment, since the navigation started;
	// not when WebDriver notices it, nor when the page's load event comes, which waits for the
	// images and fonts of the replayed page too.
	private static double measure(ChromeDriver browser, String url, String drawnAt) {
		browser.get("about:blank");
		browser.get(url);
		Object drawn = new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(10))
			.until((driver) -> ((ChromeDriver) driver).executeScript(drawnAt));
		return ((Number) drawn).doubleValue();
	}

	// Moves the seek bar of the open player to `at` as a click does, and times it until the
	// player shows that moment and the browser has drawn the next frame.
	private static double seekTo(ChromeDriver browser, long at) {
		browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(1));
		Object ms = browser.executeAsyncScript("""
				const [at, done] = arguments;
				const seek = document.getElementById('seek');
				const before = performance.getEntriesByName('replay:shown').length;
				const started = performance.now();
				seek.value = String(at);
				seek.dispatchEvent(new Event('input', { bubbles: true }));
				const check = () => {
				  if (performance.getEntriesByName('replay:shown').length > before) {
				    requestAnimationFrame(() => done(performance.now() - started));
				  } else {
				    setTimeout(check, 2);
				  }
				};
				check();
				""", at);
		return ((Number) ms).doubleValue();
	}

	private static HttpServer serve() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			Path file = path.startsWith("/events/") ? EVENT_FILES.get(path.substring(8).replace(".json", ""))
					: BENCH_PAGE.resolve(path.substring(1)).normalize();
			if (file == null || !EVENT_FILES.containsValue(file) && !file.startsWith(BENCH_PAGE.normalize())
					|| !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			String type = path.endsWith(".html") ? "text/html" : path.endsWith(".js") ? "text/javascript"
					: path.endsWith(".css") ? "text/css" : "application/json";
			exchange.getResponseHeaders().set("Content-Type", type);
			exchange.sendResponseHeaders(200, Files.size(file));
			try (OutputStream out = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
				in.transferTo(out);
			}
		});
		server.start();
		return server;
	}

	private static void report(String format, Object... arguments) {
		System.out.println("[benchmark] " + String.format(format, arguments));
	}

	/**
	 * A session to seek in.
	 *
	 * @param name how long it is, in words
	 * @param id its id
	 * @param durationMs its duration
	 * @param moment the moment opened, in words
	 * @param target that moment, in ms from the start
	 */
	private record Session(String name, String id, long durationMs, String moment, long target) {

	}

}
