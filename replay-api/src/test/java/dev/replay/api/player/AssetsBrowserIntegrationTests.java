package dev.replay.api.player;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.replay.HeadlessChromium;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.TestSite;
import dev.replay.TestcontainersConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captured assets in the browser: the developer tools' Assets tab lists what a recorded
 * page referenced and what became of it, and an admin sets an application's asset origins
 * on the admin page. The recorded site is a real HTTP server on 127.0.0.1, which the
 * capture may fetch from here only because this test allows it.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class AssetsBrowserIntegrationTests {

	static final TestSite SITE = serveStylesheet();

	static final String ORIGIN = SITE.origin();

	// whether the replayed page has asked for both of its fonts
	private static final String REPLAYED_FONTS_KNOWN = """
			const frame = document.querySelector('[data-testid=replay-viewport] iframe');
			const doc = frame && frame.contentDocument;
			return !!doc && doc.fonts.size === 2 && [...doc.fonts].every((font) => font.status !== 'unloaded');
			""";

	// the replayed page's fonts with their state, once none is loading
	private static final String REPLAYED_FONTS = """
			const done = arguments[arguments.length - 1];
			const doc = document.querySelector('[data-testid=replay-viewport] iframe').contentDocument;
			doc.fonts.ready.then(() => done([...doc.fonts].map((font) => font.family.replaceAll('"', '')
				+ ' ' + font.status).sort().join(', ')));
			""";

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	ChromeDriver browser;

	@DynamicPropertySource
	static void assets(DynamicPropertyRegistry registry) {
		// a database of its own: the capture jobs of other contexts would refuse this
		// site's private address
		registry.add(TestcontainersConfiguration.OWN_DATABASE, () -> "true");
		registry.add("replay.assets.allowed-private-origins", () -> ORIGIN);
		registry.add("replay.assets.interval", () -> "200ms");
	}

	@AfterAll
	static void stopSite() {
		SITE.close();
	}

	@Test
	void developerToolsListTheAssetsOfASessionAndWhatBecameOfThem() throws Exception {
		JsonNode application = this.client.createApplication("assets tab " + UUID.randomUUID());
		String sessionId = record(application);
		JsonNode assets = awaitSettled(sessionId);
		String sha256 = asset(assets, "captured").path("sha256").asString();
		String failure = asset(assets, "failed").path("failure").asString();

		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=devtools]"), "data-state", "ready"));
		this.browser.findElement(BrowserPages.testId("devtools-open")).click();
		WebElement tab = this.browser.findElement(BrowserPages.testId("devtools-tab-assets"));
		assertThat(tab.getText()).isEqualTo("Assets (2)");
		// the tabs answer the keyboard as any button does
		tab.sendKeys(Keys.ENTER);
		WebElement list = wait
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("devtools-list-assets")));
		assertThat(tab.getDomAttribute("aria-selected")).isEqualTo("true");

		assertThat(list.findElements(BrowserPages.testId("devtools-asset"))).hasSize(2);
		WebElement captured = list.findElement(By.cssSelector("[data-testid=devtools-asset][data-status=captured]"));
		assertThat(captured.getText()).contains("stylesheet", "127.0.0.1", "site.css", "Captured", "text/css", "25 B");
		assertThat(captured.findElement(By.cssSelector(".devtools-url")).getDomAttribute("title"))
			.isEqualTo(ORIGIN + "/css/site.css");
		WebElement open = captured.findElement(By.linkText("Open"));
		assertThat(open.getDomAttribute("href")).isEqualTo("/api/v1/assets/" + sha256);
		assertThat(open.getDomAttribute("target")).isEqualTo("_blank");
		WebElement failed = list.findElement(By.cssSelector("[data-testid=devtools-asset][data-status=failed]"));
		assertThat(failed.getText()).contains("image", "10.1.2.3", "Failed", failure);
		assertThat(failed.findElements(By.linkText("Open"))).isEmpty();
		BrowserPages.screenshot(this.browser, "player-devtools-assets.png");
	}

	@Test
	void aFontTheSiteServesWithoutCorsHeadersShowsOnceCaptured() throws Exception {
		byte[] font = Files.readAllBytes(aFontOfThisMachine());
		SITE.serve("/fonts/brand.ttf", "font/ttf", font);
		try (TestSite elsewhere = TestSite.start()) {
			// another private origin, which the capture refuses: its font stays on the
			// site
			elsewhere.serve("/fonts/other.ttf", "font/ttf", font);
			String css = "@font-face{font-family:Captured;src:url(" + ORIGIN + "/fonts/brand.ttf)}"
					+ "@font-face{font-family:Uncaptured;src:url(" + elsewhere.origin() + "/fonts/other.ttf)}"
					+ ".captured{font-family:Captured}.uncaptured{font-family:Uncaptured}";
			String head = "{\"type\":2,\"tagName\":\"head\",\"attributes\":{},\"id\":3,\"childNodes\":[{\"type\":2,"
					+ "\"tagName\":\"style\",\"attributes\":{},\"id\":4,\"childNodes\":[{\"type\":3,\"textContent\":\""
					+ css + "\",\"isStyle\":true,\"id\":5}]}]},{\"type\":2,\"tagName\":\"body\",\"attributes\":{},"
					+ "\"id\":6,\"childNodes\":[{\"type\":2,\"tagName\":\"p\",\"attributes\":{\"class\":\"captured\"},"
					+ "\"id\":7,\"childNodes\":[{\"type\":3,\"textContent\":\"Brand\",\"id\":8}]},{\"type\":2,"
					+ "\"tagName\":\"p\",\"attributes\":{\"class\":\"uncaptured\"},\"id\":9,\"childNodes\":[{\"type\":3,"
					+ "\"textContent\":\"Other\",\"id\":10}]}]}";
			JsonNode application = this.client.createApplication("fonts " + UUID.randomUUID());
			String sessionId = record(application, head);
			JsonNode assets = awaitSettled(sessionId);
			assertThat(assets.valueStream()
				.map((asset) -> asset.path("url").asString() + " " + asset.path("status").asString()))
				.containsExactlyInAnyOrder(elsewhere.origin() + "/fonts/other.ttf failed",
						ORIGIN + "/fonts/brand.ttf captured");

			HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
			this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
			BrowserPages.waitFor(this.browser)
				.until((driver) -> Boolean.TRUE.equals(this.browser.executeScript(REPLAYED_FONTS_KNOWN)));
			Object fonts = this.browser.executeAsyncScript(REPLAYED_FONTS);
			assertThat(fonts).asString().contains("Captured loaded", "Uncaptured error");
		}
	}

	@Test
	void adminSetsTheOriginsAnApplicationsAssetsComeFrom() throws Exception {
		JsonNode application = this.client.createApplication("asset origins " + UUID.randomUUID());
		String id = application.path("id").asString();
		record(application);

		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/admin/applications"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-testid=application-item][data-application-id='" + id + "']")));
		item.findElement(By.tagName("summary")).click();
		WebElement settings = item.findElement(BrowserPages.testId("asset-origins"));
		WebElement source = settings.findElement(BrowserPages.testId("asset-origins-source"));
		wait.until(ExpectedConditions.textToBePresentInElement(source, "recorded pages (the default)"));
		assertThat(effective(settings)).containsExactly(ORIGIN);
		assertThat(settings.findElement(BrowserPages.testId("asset-origins-reset")).isEnabled()).isFalse();

		WebElement input = settings.findElement(BrowserPages.testId("asset-origins-input"));
		input.sendKeys("https://cdn.shop.example\nHTTPS://Static.Shop.Example:443\n");
		settings.findElement(BrowserPages.testId("asset-origins-save")).click();
		wait.until(ExpectedConditions.textToBePresentInElement(source, "own list"));
		assertThat(effective(settings)).containsExactly("https://cdn.shop.example", "https://static.shop.example");
		assertThat(originsOf(id).path("origins").valueStream().map(JsonNode::asString))
			.containsExactly("https://cdn.shop.example", "https://static.shop.example");
		BrowserPages.screenshot(this.browser, "app-admin-asset-origins.png");

		input.clear();
		input.sendKeys("ftp://shop.example");
		settings.findElement(BrowserPages.testId("asset-origins-save")).click();
		WebElement status = settings.findElement(BrowserPages.testId("asset-origins-status"));
		wait.until(ExpectedConditions.textToBePresentInElement(status, "'ftp://shop.example' is not an origin"));
		assertThat(status.getDomAttribute("class")).contains("is-error");
		assertThat(effective(settings)).containsExactly("https://cdn.shop.example", "https://static.shop.example");

		settings.findElement(BrowserPages.testId("asset-origins-reset")).click();
		wait.until(ExpectedConditions.textToBePresentInElement(source, "recorded pages (the default)"));
		assertThat(effective(settings)).containsExactly(ORIGIN);
		assertThat(originsOf(id).path("origins").isNull()).isTrue();
	}

	private static JsonNode asset(JsonNode assets, String status) {
		return assets.valueStream()
			.filter((asset) -> asset.path("status").asString().equals(status))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + status + " asset in " + assets));
	}

	private static List<String> effective(WebElement settings) {
		return settings.findElements(By.cssSelector("[data-testid=asset-origins-effective] li"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private JsonNode originsOf(String applicationId) {
		return ReplayClient
			.json(this.client.getAsAdmin("/api/v1/applications/" + applicationId + "/asset-origins").body());
	}

	// a page of the site with its stylesheet and an image from a private address, which
	// the capture refuses
	private String record(JsonNode application) throws InterruptedException {
		return record(application,
				"{\"type\":2,\"tagName\":\"link\",\"attributes\":{\"rel\":\"stylesheet\",\"href\":\"" + ORIGIN
						+ "/css/site.css\"},\"childNodes\":[],\"id\":3},{\"type\":2,\"tagName\":\"img\","
						+ "\"attributes\":{\"src\":\"http://10.1.2.3/secret.png\"},\"childNodes\":[],\"id\":4}");
	}

	// a page of the site whose html element holds the given serialized nodes
	private String record(JsonNode application, String htmlChildren) throws InterruptedException {
		String sessionId = UUID.randomUUID().toString();
		long start = System.currentTimeMillis() - 60_000;
		String meta = "{\"type\":4,\"timestamp\":" + start + ",\"data\":{\"href\":\"" + ORIGIN
				+ "/shop\",\"width\":1280,\"height\":720}}";
		String snapshot = "{\"type\":2,\"timestamp\":" + (start + 1)
				+ ",\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,\"tagName\":\"html\","
				+ "\"attributes\":{},\"id\":2,\"childNodes\":[" + htmlChildren
				+ "]}]},\"initialOffset\":{\"left\":0,\"top\":0}}}";
		String body = "{\"applicationId\":\"" + application.path("id").asString() + "\",\"sequence\":0,\"events\":["
				+ meta + "," + snapshot + "],\"context\":{\"url\":\"" + ORIGIN
				+ "/shop\",\"userAgent\":\"Mozilla/5.0\"}}";
		assertThat(this.client
			.postSegment(sessionId, application.path("clientToken").asString(), body.getBytes(StandardCharsets.UTF_8),
					null)
			.statusCode()).isEqualTo(202);
		Indexing.awaitIndexed(this.jdbc, sessionId);
		return sessionId;
	}

	// the session's assets once none is pending
	private JsonNode awaitSettled(String sessionId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/assets");
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			JsonNode assets = ReplayClient.json(response.body());
			if (assets.size() == 2
					&& assets.valueStream().noneMatch((asset) -> asset.path("status").asString().equals("pending"))) {
				return assets;
			}
			assertThat(System.nanoTime()).as("assets of %s: %s", sessionId, assets).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	// a TrueType font of the fonts installed here (Chromium's packages bring some)
	private static Path aFontOfThisMachine() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("/usr/share/fonts"))) {
			return files.filter((file) -> file.toString().endsWith(".ttf"))
				.sorted()
				.findFirst()
				.orElseThrow(() -> new AssertionError("no TrueType font under /usr/share/fonts"));
		}
	}

	private static TestSite serveStylesheet() {
		TestSite site = TestSite.start();
		site.serve("/css/site.css", "text/css", "body{color:rebeccapurple}".getBytes(StandardCharsets.UTF_8));
		return site;
	}

}
