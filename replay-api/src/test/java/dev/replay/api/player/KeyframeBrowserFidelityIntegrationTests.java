package dev.replay.api.player;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.replay.DatadogRecordings;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.SharedChromium;
import dev.replay.ingest.testsupport.TestCorpus;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens every corpus recording, rrweb and Datadog, at several moments in rrweb's own
 * Replayer twice, once played from the session's first event and once from the stored
 * keyframe that the events API starts the moment's window with, and checks that both show
 * the same page: the same elements, attributes, texts, form values, scroll positions and
 * style sheet rules.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class KeyframeBrowserFidelityIntegrationTests {

	private static final Path BENCH = Path.of("..", "replay-player-web", "target", "bench")
		.toAbsolutePath()
		.normalize();

	private static final Path REPORT = Path.of("target", "keyframe-fidelity");

	private static final Path CASES = REPORT.resolve("cases.tsv");

	private static final Map<String, byte[]> EVENTS = new ConcurrentHashMap<>();

	static HttpServer harness;

	ReplayClient client;

	ChromeDriver browser;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startHarness() throws IOException {
		harness = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		harness.createContext("/", KeyframeBrowserFidelityIntegrationTests::serve);
		harness.start();
		Files.createDirectories(REPORT);
		Files.writeString(CASES, "recording\tt_ms\tkeyframe_ms\tequal\thover_compared\n");
	}

	@AfterAll
	static void stopHarness() {
		harness.stop(0);
	}

	@BeforeEach
	void allowLongComparisons() {
		this.browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
	}

	static List<String> recordings() {
		return TestCorpus.pageRecordings();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("recordings")
	void keyframesShowWhatTheWholeSessionShows(String recording) throws Exception {
		String sessionId = ingest(recording);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		List<Long> keyframes = this.jdbc.sql("select offset_ms from keyframe where session_id = ? order by offset_ms")
			.param(sessionId)
			.query(Long.class)
			.list();
		assertThat(keyframes).as("stored keyframes of %s", recording).hasSizeGreaterThanOrEqualTo(2);
		HttpResponse<String> whole = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		assertThat(whole.statusCode()).isEqualTo(200);
		long duration = Long.parseLong(whole.headers().firstValue("Replay-Session-Duration").orElseThrow());
		String name = recording.replace('/', '-');
		EVENTS.put("/events/" + name + ".json", whole.body().getBytes(StandardCharsets.UTF_8));
		SoftAssertions softly = new SoftAssertions();
		int compared = 0;
		for (long t : moments(recording, keyframes, duration)) {
			HttpResponse<String> window = this.client.getAsAdmin(
					"/api/v1/sessions/" + sessionId + "/events?continuation=true&from=" + t + "&to=" + (t + 1000));
			assertThat(window.statusCode()).isEqualTo(200);
			long windowStart = Long.parseLong(window.headers().firstValue("Replay-Window-Start").orElseThrow());
			if (!keyframes.contains(windowStart)) {
				// the window starts with a recorded full snapshot, not a stored keyframe
				continue;
			}
			compared++;
			String windowPath = "/events/" + name + "-" + t + ".json";
			EVENTS.put(windowPath, window.body().getBytes(StandardCharsets.UTF_8));
			Map<?, ?> result = compareAt("/events/" + name + ".json", windowPath, t);
			EVENTS.remove(windowPath);
			Files.writeString(
					CASES, String.format(Locale.ROOT, "%s\t%d\t%d\t%s\t%s%n", recording, t, windowStart,
							result.get("equal"), result.get("hoverCompared")),
					StandardCharsets.UTF_8, StandardOpenOption.APPEND);
			if (!Boolean.TRUE.equals(result.get("equal"))) {
				String prefix = name + "-" + t;
				Files.writeString(REPORT.resolve(prefix + "-whole.txt"), (String) result.get("whole"));
				Files.writeString(REPORT.resolve(prefix + "-keyframe.txt"), (String) result.get("window"));
				screenshot("whole", REPORT.resolve(prefix + "-whole.png"));
				screenshot("window", REPORT.resolve(prefix + "-keyframe.png"));
				Map<?, ?> difference = (Map<?, ?>) result.get("difference");
				softly.fail(
						"%s at %d ms (keyframe at %d ms) differs at line %s:%n%s%n- from the start: %s%n"
								+ "+ from the keyframe: %s",
						recording, t, windowStart, difference.get("line"), difference.get("context"),
						difference.get("whole"), difference.get("window"));
			}
		}
		EVENTS.remove("/events/" + name + ".json");
		assertThat(compared).as("moments of %s opened from a stored keyframe", recording).isGreaterThanOrEqualTo(3);
		softly.assertAll();
	}

	// Just after the second keyframe (the first one copies the recorder's own full
	// snapshot),
	// between two keyframes in the middle, the moments the
	// original page was photographed at, and the end; those that a stored keyframe
	// precedes are compared.
	private static TreeSet<Long> moments(String recording, List<Long> keyframes, long duration) throws IOException {
		TreeSet<Long> moments = new TreeSet<>();
		moments.add(keyframes.get(1) + 1);
		long middle = keyframes.get(keyframes.size() / 2);
		moments.add(middle + 250);
		moments.add(duration + 1);
		JsonNode manifest = TestCorpus.manifest(recording);
		for (JsonNode screenshot : manifest.path("screenshots")) {
			moments.add(screenshot.path("timestampMs").asLong());
		}
		moments.removeIf((t) -> t <= keyframes.get(0));
		return moments;
	}

	private Map<?, ?> compareAt(String wholePath, String windowPath, long t) {
		String page = "http://localhost:" + harness.getAddress().getPort() + "/keyframe-fidelity.html";
		if (!page.equals(this.browser.getCurrentUrl())) {
			this.browser.get(page);
			new WebDriverWait(this.browser, Duration.ofSeconds(30)).until((driver) -> Boolean.TRUE
				.equals(this.browser.executeScript("return typeof window.compareAt === 'function'")));
		}
		Object result = this.browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				window.compareAt(arguments[0], arguments[1], arguments[2])
					.then(done, (error) => done({ error: String(error && error.stack || error) }));""", wholePath,
				windowPath, t);
		assertThat(result).isInstanceOf(Map.class);
		Map<?, ?> map = (Map<?, ?>) result;
		assertThat(map.get("error")).as("error in the page").isNull();
		return map;
	}

	private void screenshot(String container, Path file) throws IOException {
		Files.write(file, this.browser.findElement(By.id(container)).getScreenshotAs(OutputType.BYTES));
	}

	private String ingest(String recording) throws IOException {
		String folder = recording.substring(recording.indexOf('/') + 1);
		if (recording.startsWith("datadog/")) {
			return DatadogRecordings.ingestBrowser(this.client, folder);
		}
		return RrwebCorpus.ingest(this.client, folder);
	}

	private static void serve(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] events = EVENTS.get(path);
		Path file = BENCH.resolve(path.substring(1)).normalize();
		if (events == null && (!file.startsWith(BENCH) || !Files.isRegularFile(file))) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		String type = path.endsWith(".html") ? "text/html"
				: path.endsWith(".js") ? "text/javascript" : "application/json";
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		if (events != null) {
			exchange.sendResponseHeaders(200, events.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(events);
			}
			return;
		}
		exchange.sendResponseHeaders(200, Files.size(file));
		try (OutputStream out = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
			in.transferTo(out);
		}
	}

}
