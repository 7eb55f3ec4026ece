package dev.replay.api.player;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import dev.replay.CorpusSite;
import dev.replay.HeadlessChromium;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ScreenshotComparison;
import dev.replay.SharedChromium;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.testsupport.TestCorpus;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus recordings whose pages load stylesheets and images, played once with the
 * corpus site up and again once it is gone (every request to it answered 404, the
 * browser's cache cleared): with their assets captured, every moment looks the same.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
// a database of its own: the capture jobs of other contexts refuse the corpus site's
// private address, and the Datadog corpus sessions have fixed ids
@TestPropertySource(properties = { TestcontainersConfiguration.OWN_DATABASE + "=true",
		"replay.assets.allowed-private-origins=http://127.0.0.1:8090", "replay.assets.interval=200ms" })
class CapturedAssetsFidelityIntegrationTests {

	/** How much more of the picture may differ without the site. */
	static final double MAX_CHANGE = 0.01;

	static final List<String> PAGES = List.of("css-animation", "long-article", "spa-router");

	static final Path REPORT = Path.of("target", "fidelity", "captured.tsv");

	static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	ChromeDriver browser;

	@BeforeAll
	static void startReport() throws IOException {
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, "recording\tscreenshot\tt_ms\tsite_up\tsite_gone\n");
	}

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	static List<Arguments> screenshots() {
		List<Arguments> cases = new ArrayList<>();
		for (String recorder : List.of("rrweb", "datadog")) {
			for (String page : PAGES) {
				String recording = recorder + "/" + page;
				for (JsonNode screenshot : TestCorpus.manifest(recording).path("screenshots")) {
					cases.add(Arguments.of(recording, screenshot.path("label").asString(),
							screenshot.path("file").asString(), screenshot.path("timestampMs").asLong()));
				}
			}
		}
		return cases;
	}

	@ParameterizedTest(name = "{0} at {1}")
	@MethodSource("screenshots")
	void looksTheSameOnceTheSiteIsGone(String recording, String label, String file, long offsetMs) throws Exception {
		String sessionId = SESSIONS.computeIfAbsent(recording, this::ingestAndCapture);
		BufferedImage original = ImageIO.read(TestCorpus.ROOT.resolve(recording).resolve(file).toFile());
		double up = ScreenshotComparison.differingShare(original,
				PlayerScreenshots.replayAt(this.browser, this.client, sessionId, offsetMs));
		double[] gone = new double[1];
		CorpusSite.whileGone(() -> {
			this.browser.executeCdpCommand("Network.clearBrowserCache", Map.of());
			gone[0] = ScreenshotComparison.differingShare(original,
					PlayerScreenshots.replayAt(this.browser, this.client, sessionId, offsetMs));
			return null;
		});
		Files.writeString(REPORT,
				String.format(Locale.ROOT, "%s\t%s\t%d\t%.4f\t%.4f%n", recording, label, offsetMs, up, gone[0]),
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		assertThat(gone[0])
			.as("share of differing pixels of %s at %s without the site (with it: %.4f)", recording, label, up)
			.isCloseTo(up, Offset.offset(MAX_CHANGE));
	}

	private String ingestAndCapture(String recording) {
		String sessionId = PlayerScreenshots.ingest(this.client, recording);
		try {
			Indexing.awaitIndexed(this.jdbc, sessionId);
			awaitCaptured(sessionId);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return sessionId;
	}

	// every asset of the session fetched: none pending (one that failed shows in the
	// comparison)
	private void awaitCaptured(String sessionId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/assets");
			JsonNode assets = ReplayClient.json(response.body());
			if (assets.size() > 0
					&& assets.valueStream().noneMatch((asset) -> asset.path("status").asString().equals("pending"))) {
				return;
			}
			assertThat(System.nanoTime()).as("assets of %s: %s", sessionId, assets).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
