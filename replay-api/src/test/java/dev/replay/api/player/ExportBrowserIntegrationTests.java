package dev.replay.api.player;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpServer;
import dev.replay.DatadogRecordings;
import dev.replay.HeadlessChromium;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ScreenshotComparison;
import dev.replay.SharedChromium;
import dev.replay.TestcontainersConfiguration;
import dev.replay.ingest.testsupport.TestCorpus;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Corpus sessions downloaded as one HTML file and opened from a {@code file:} URL in a
 * browser whose every request goes to a proxy that answers none of them: the file plays,
 * shows the recorded page as the player does with the site up (its captured assets are in
 * the file), and asks the network for nothing.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
// a database of its own: the capture jobs of other contexts refuse the corpus site's
// private address, and the Datadog corpus sessions have fixed ids
@TestPropertySource(properties = { TestcontainersConfiguration.OWN_DATABASE + "=true",
		"replay.assets.allowed-private-origins=http://127.0.0.1:8090", "replay.assets.interval=200ms" })
class ExportBrowserIntegrationTests {

	/** How much more of the picture may differ in the offline file than in the player. */
	static final double MAX_CHANGE = 0.02;

	static final Path FILES = Path.of("target", "export");

	// every request of the offline browser, which its proxy refuses
	static final ConcurrentLinkedQueue<String> REQUESTS = new ConcurrentLinkedQueue<>();

	static HttpServer proxy;

	static ChromeDriver offline;

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	ChromeDriver browser;

	@BeforeAll
	static void startOfflineBrowser() throws IOException {
		proxy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		proxy.createContext("/", (exchange) -> {
			REQUESTS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
			exchange.sendResponseHeaders(502, -1);
			exchange.close();
		});
		proxy.start();
		// loopback too goes to the proxy: nothing reaches a server
		offline = HeadlessChromium.start("--proxy-server=http://127.0.0.1:" + proxy.getAddress().getPort(),
				"--proxy-bypass-list=<-loopback>");
		Files.createDirectories(FILES);
	}

	@AfterAll
	static void stopOfflineBrowser() {
		if (offline != null) {
			offline.quit();
		}
		if (proxy != null) {
			proxy.stop(0);
		}
	}

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		REQUESTS.clear();
	}

	@Test
	void theOfflineBrowserSendsEveryRequestToTheProxy() {
		offline.get("http://127.0.0.1:8090/index.html");
		assertThat(REQUESTS).isNotEmpty();
	}

	@ParameterizedTest(name = "{0} at {1} ms")
	@CsvSource({ "rrweb/long-article, top, 1154", "datadog/spa-router, product-detail, 9882" })
	void theFilePlaysOfflineAndShowsWhatThePlayerShows(String recording, String label, long offsetMs) throws Exception {
		String sessionId = PlayerScreenshots.ingest(this.client, recording);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		JsonNode assets = awaitCaptured(sessionId);
		String file = TestCorpus.manifest(recording)
			.path("screenshots")
			.valueStream()
			.filter((shot) -> shot.path("label").asString().equals(label))
			.findFirst()
			.orElseThrow()
			.path("file")
			.asString();
		BufferedImage original = ImageIO.read(TestCorpus.ROOT.resolve(recording).resolve(file).toFile());
		double inPlayer = ScreenshotComparison.differingShare(original,
				PlayerScreenshots.replayAt(this.browser, this.client, sessionId, offsetMs));

		Path exported = download(sessionId);
		BufferedImage offlineReplay = openAt(exported, offsetMs);
		ImageIO.write(offlineReplay, "png", FILES.resolve(sessionId + ".png").toFile());
		double inFile = ScreenshotComparison.differingShare(original, offlineReplay);

		assertThat(REQUESTS).as("requests of the exported file").isEmpty();
		assertThat(inFile)
			.as("share of differing pixels of %s at %s offline (in the player: %.4f)", recording, label, inPlayer)
			.isCloseTo(inPlayer, Offset.offset(MAX_CHANGE));
		List<JsonNode> captured = assets.valueStream()
			.filter((asset) -> asset.path("status").asString().equals("captured"))
			.toList();
		assertThat(captured).as("captured assets of %s", recording).isNotEmpty();
		// each captured asset is in the file, and the replayed page loads none from its
		// URL
		String html = Files.readString(exported);
		assertThat(captured)
			.allSatisfy((asset) -> assertThat(html).contains("\"" + asset.path("sha256").asString() + "\":\"data:"));
		List<String> capturedUrls = captured.stream().map((asset) -> asset.path("url").asString()).toList();
		assertThat(replayedUrls()).noneMatch(capturedUrls::contains);
	}

	@Test
	void aMobileSessionPlaysOfflineInItsDeviceFrame() throws Exception {
		String sessionId = DatadogRecordings.ingestMobile(this.client, "android-shop-login-list-detail");
		Path exported = download(sessionId);
		openAt(exported, 2000);
		assertThat(offline.findElement(By.id("player")).getDomAttribute("class")).contains("is-mobile");
		assertThat(BrowserPages.replayedText(offline)).contains("Welcome back to Shopist");
		assertThat(REQUESTS).as("requests of the exported file").isEmpty();
	}

	@Test
	void theFilePlaysFromTheStart() throws Exception {
		String sessionId = PlayerScreenshots.ingest(this.client, "rrweb/form-inputs");
		Path exported = download(sessionId);
		offline.get(exported.toUri() + "#autoplay=1");
		WebDriverWait wait = BrowserPages.waitFor(offline);
		wait.until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "playing"));
		wait.until((driver) -> {
			String time = offline.findElement(By.id("current-time")).getText();
			return !time.equals("0:00");
		});
		assertThat(offline.findElement(By.id("session-label")).getText()).contains(sessionId);
		assertThat(REQUESTS).as("requests of the exported file").isEmpty();
	}

	@Test
	void theShareDialogOfThePlayerLinksToBothDownloads() {
		String sessionId = PlayerScreenshots.ingest(this.client, "rrweb/form-inputs");
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=1000&autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("share"))).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("share-downloads")));
		for (String format : List.of("html", "rrweb")) {
			WebElement link = this.browser.findElement(BrowserPages.testId("download-" + format));
			assertThat(link.isDisplayed()).isTrue();
			assertThat(link.getDomAttribute("download")).isNotNull();
			String href = link.getDomAttribute("href");
			assertThat(href).isEqualTo("/api/v1/sessions/" + sessionId + "/export?format=" + format);
			HttpResponse<String> response = this.client.getAsAdmin(href);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
					(disposition) -> assertThat(disposition).startsWith("attachment; filename=\"replay-session-"));
		}
	}

	private Path download(String sessionId) throws IOException {
		HttpResponse<Path> response;
		try {
			response = java.net.http.HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions/" + sessionId + "/export?format=html"))
					.header("Authorization", ReplayClient.ADMIN_BASIC)
					.build(), HttpResponse.BodyHandlers.ofFile(FILES.resolve(sessionId + ".html")));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body().toAbsolutePath();
	}

	// opens the file at a moment, paused, and photographs the replay once its images and
	// fonts are loaded
	private BufferedImage openAt(Path exported, long offsetMs) throws IOException {
		offline.get(exported.toUri() + "#t=" + offsetMs + "&autoplay=0");
		WebDriverWait wait = BrowserPages.waitFor(offline);
		wait.until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "paused"));
		wait.until((driver) -> Boolean.TRUE.equals(offline.executeScript("""
				const frame = document.querySelector('[data-testid=replay-viewport] iframe');
				const doc = frame && frame.contentDocument;
				return !!doc && Array.from(doc.images).every((image) => image.complete)
					&& doc.fonts.status === 'loaded';""")));
		WebElement viewport = offline.findElement(By.cssSelector("[data-testid=replay-viewport]"));
		return ImageIO.read(new ByteArrayInputStream(viewport.getScreenshotAs(OutputType.BYTES)));
	}

	@SuppressWarnings("unchecked")
	private List<String> replayedUrls() {
		return (List<String>) offline.executeScript("""
				const doc = document.querySelector('[data-testid=replay-viewport] iframe').contentDocument;
				return [...doc.querySelectorAll('link[rel=stylesheet]')].map((link) => link.href)
					.concat([...doc.images].map((image) => image.currentSrc || image.src).filter(Boolean));""");
	}

	private JsonNode awaitCaptured(String sessionId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (true) {
			HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/assets");
			JsonNode assets = ReplayClient.json(response.body());
			if (assets.size() > 0
					&& assets.valueStream().noneMatch((asset) -> asset.path("status").asString().equals("pending"))) {
				return assets;
			}
			assertThat(System.nanoTime()).as("assets of %s: %s", sessionId, assets).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
