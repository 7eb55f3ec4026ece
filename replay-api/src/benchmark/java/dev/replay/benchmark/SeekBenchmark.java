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
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.timeline.SessionIndexer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seeking in the browser: the time until minute 55 of a 60-minute session is shown, in
 * our player (windowed loading from the keyframe) and in rrweb-player given the whole
 * event list, in the same headless Chromium. Prints both and their ratio.
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

	private static final long TARGET = 55 * 60_000L;

	private static final Path BENCH_PAGE = Path.of("..", "replay-player-web", "target", "bench");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionIndexer indexer;

	@Test
	void minute55OfAnHour() throws Exception {
		ReplayClient client = new ReplayClient(this.port);
		LongSessions.Built session = LongSessions.build(client, this.jdbc, PAGES, 3600_000L, 0);
		this.indexer.index(session.sessionId());
		Path events = Files.createTempFile("replay-seek-", ".json");
		HttpResponse<Path> download = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(client.uri("/api/v1/sessions/" + session.sessionId() + "/events"))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.build(), HttpResponse.BodyHandlers.ofFile(events));
		report("60-minute session: %d segments, %s of rrweb JSON", session.segments(),
				Figures.megabytes(Files.size(download.body())));
		HttpServer server = serve(events);
		// signed in as an analyst is: a session cookie, not a password checked on every request
		ChromeDriver browser = HeadlessChromium.start();
		try {
			signIn(browser, "http://localhost:" + this.port);
			String ours = "http://localhost:" + this.port + "/replays/" + session.sessionId() + "?t=" + TARGET
					+ "&autoplay=0";
			String theirs = "http://localhost:" + server.getAddress().getPort() + "/rrweb-player.html?t=" + TARGET
					+ "&events=/events.json";
			// warm up both pages once (browser caches and JIT), then measure each three times
			measure(browser, ours, "return document.getElementById('player').dataset.state === 'paused'");
			measure(browser, theirs, "return document.body.dataset.done !== undefined");
			double[] oursMs = new double[3];
			double[] theirsMs = new double[3];
			for (int i = 0; i < 3; i++) {
				oursMs[i] = measure(browser, ours,
						"return document.getElementById('player').dataset.state === 'paused'");
				theirsMs[i] = measure(browser, theirs, "return document.body.dataset.done !== undefined");
			}
			measure(browser, ours, "return document.getElementById('player').dataset.state === 'paused'");
			report("our player's requests (start and duration, ms): %s", browser.executeScript(
					"return performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, '')"
							+ " + ' ' + Math.round(e.startTime) + '+' + Math.round(e.duration)).join(', ')"));
			double our = Figures.median(oursMs);
			double their = Figures.median(theirsMs);
			report("minute 55 shown: our player %.0f ms (target < 1000 ms), rrweb-player with the whole event list "
					+ "%.0f ms; rrweb-player takes %.1f x as long", our, their, their / our);
		}
		finally {
			browser.quit();
			server.stop(0);
			Files.deleteIfExists(events);
		}
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
	private static double measure(ChromeDriver browser, String url, String shown) {
		browser.get("about:blank");
		browser.get(url);
		new WebDriverWait(browser, Duration.ofMinutes(5), Duration.ofMillis(10))
			.until((driver) -> Boolean.TRUE.equals(((ChromeDriver) driver).executeScript(shown)));
		Object now = browser.executeScript("return performance.now()");
		return ((Number) now).doubleValue();
	}

	private static HttpServer serve(Path events) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			Path file = "/events.json".equals(path) ? events : BENCH_PAGE.resolve(path.substring(1)).normalize();
			if (!file.startsWith(BENCH_PAGE.normalize()) && !file.equals(events) || !Files.isRegularFile(file)) {
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


}
