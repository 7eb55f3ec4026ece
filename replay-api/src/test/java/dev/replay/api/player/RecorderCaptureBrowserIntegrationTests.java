package dev.replay.api.player;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.TestSessions;
import dev.replay.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page recorded by our recorder script in headless Chromium: its requests, clicks and
 * long tasks reach the developer tools and the search as a Datadog SDK's would, and what
 * is typed into it stays masked unless the tag asks otherwise.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class RecorderCaptureBrowserIntegrationTests {

	private static final String TYPED = "Ada Lovelace rings twice";

	private static final String TOKEN = "tok-5ecr3t-42";

	private static final String ITEMS = "{\"items\":[\"red shoes\",\"blue hat\"]}";

	private static final String PROFILE = "{\"name\":\"Ada\"}";

	ReplayClient client;

	ChromeDriver browser;

	private final List<TestSite> sites = new ArrayList<>();

	@AfterEach
	void stopSites() {
		this.sites.forEach(TestSite::close);
	}

	@Test
	void requestsClicksAndLongTasksReachTheDeveloperToolsAndTheSearchWithSecretsAndTypingMasked() throws Exception {
		String sessionId = recordShopping("");

		List<JsonNode> requests = waitForEvents(sessionId, "resource", 2);
		JsonNode items = find(requests, "/api/items");
		assertThat(items.path("resource").path("method").asString()).isEqualTo("POST");
		assertThat(items.path("resource").path("type").asString()).isEqualTo("fetch");
		assertThat(items.path("resource").path("status").asInt()).isEqualTo(200);
		assertThat(items.path("resource").path("size").asLong()).isEqualTo(ITEMS.length());
		assertThat(items.path("durationMs").asDouble()).isPositive();
		assertThat(items.path("raw").path("data").path("payload").path("requestSize").asLong()).isEqualTo(13);
		assertThat(
				items.path("raw").path("data").path("payload").path("requestHeaders").path("x-request-id").asString())
			.isEqualTo("order-7");
		assertThat(items.path("raw").toString()).doesNotContain("Bearer").doesNotContain("\"sku\"");
		JsonNode profile = find(requests, "/api/profile");
		assertThat(profile.path("resource").path("url").asString()).endsWith("/api/profile?token=***&fields=name");
		assertThat(profile.path("resource").path("type").asString()).isEqualTo("xhr");
		assertThat(profile.path("resource").path("status").asInt()).isEqualTo(200);
		assertThat(profile.path("resource").path("size").asLong()).isEqualTo(PROFILE.length());
		assertThat(requests)
			.noneSatisfy((request) -> assertThat(request.path("resource").path("url").asString()).contains("/ingest/"));

		List<JsonNode> actions = waitForEvents(sessionId, "action", 5);
		assertThat(actions).extracting((action) -> action.path("action").path("name").asString())
			.contains("Load items", "Load profile", "Add the red shoes to the cart", "Delivery notes",
					"Crunch numbers");
		assertThat(actions).allSatisfy((action) -> {
			assertThat(action.path("origin").asString()).isEqualTo("recorder");
			assertThat(action.path("action").path("type").asString()).isEqualTo("click");
		});
		List<JsonNode> longTasks = waitForEvents(sessionId, "long_task", 1);
		assertThat(longTasks).anySatisfy((task) -> assertThat(task.path("durationMs").asDouble()).isGreaterThan(150));
		JsonNode page = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum").body());
		assertThat(page.path("captured").valueStream().map(JsonNode::asString)).containsExactly("resource", "action",
				"long_task");
		assertThat(page.path("items").valueStream().map((item) -> item.path("type").asString()))
			.doesNotContain("capture");
		assertThat(sessionIds("action=RED%20SHOES")).contains(sessionId);
		assertThat(sessionIds("action=Crunch")).contains(sessionId);

		String everything = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body()
				+ this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?limit=1000").body();
		assertThat(everything).contains("*".repeat(TYPED.length()))
			.doesNotContain(TYPED)
			.doesNotContain("Ada Lovelace")
			.doesNotContain(TOKEN);

		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		BrowserPages.viewport(this.browser, 1440, 900);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=devtools]"), "data-state", "ready"));
		if (!this.browser.findElement(By.cssSelector("[data-testid=devtools]")).isDisplayed()) {
			this.browser.findElement(By.cssSelector("[data-testid=devtools-open]")).click();
		}
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-network]")).click();
		assertThat(rows("network"))
			.anySatisfy((row) -> assertThat(row).contains("/api/profile?token=***&fields=name").contains("200"))
			.anySatisfy((row) -> assertThat(row).contains("/api/items").contains("200"));
		BrowserPages.screenshot(this.browser, "player-devtools-recorder-network.png");
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-actions]")).click();
		assertThat(rows("actions")).anySatisfy((row) -> assertThat(row).contains("Add the red shoes to the cart"));
		BrowserPages.screenshot(this.browser, "player-devtools-recorder-actions.png");
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-long-tasks]")).click();
		assertThat(rows("long-tasks")).anySatisfy((row) -> assertThat(row).startsWith("0:").contains("Long task of"));
	}

	@Test
	void withMaskInputsNoneWhatIsTypedIsRecorded() throws Exception {
		String sessionId = recordShopping("data-mask-inputs=\"none\"");
		waitForEvents(sessionId, "action", 5);
		String events = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").body();
		assertThat(events).contains(TYPED);
	}

	@Test
	void aSessionWhoseRecorderCapturedNoRequestsSaysSoInsteadOfShowingAnEmptyTab() throws Exception {
		String sessionId = new TestSessions(this.client).record();
		JsonNode page = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum").body());
		assertThat(page.path("captured").isArray()).isTrue();
		assertThat(page.path("captured").isEmpty()).isTrue();

		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=devtools]"), "data-state", "ready"));
		if (!this.browser.findElement(By.cssSelector("[data-testid=devtools]")).isDisplayed()) {
			this.browser.findElement(By.cssSelector("[data-testid=devtools-open]")).click();
		}
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-network]")).click();
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=devtools-list-network]")).getText())
			.isEqualTo("This session’s recorder did not capture network requests.");
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-actions]")).click();
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=devtools-list-actions]")).getText())
			.isEqualTo("This session’s recorder did not capture actions.");
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-long-tasks]")).click();
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=devtools-list-long-tasks]")).getText())
			.isEqualTo("This session’s recorder did not capture long tasks.");
	}

	// loads the shop with our recorder tag (and `options` on it), uses it, and returns
	// the
	// session once the recorder has sent everything
	private String recordShopping(String options) throws Exception {
		JsonNode application = this.client.createApplication("recorder capture " + UUID.randomUUID());
		TestSite site = TestSite
			.page(shop(application.path("id").asString(), application.path("clientToken").asString(), options));
		this.sites.add(site);
		site.serve("/api/items", "application/json", ITEMS.getBytes(StandardCharsets.UTF_8));
		site.serve("/api/profile", "application/json", PROFILE.getBytes(StandardCharsets.UTF_8));
		this.browser.get(site.origin() + "/");
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until((driver) -> Boolean.TRUE.equals(((ChromeDriver) driver)
			.executeScript("return !!window.ReplayRecorder && document.readyState === 'complete'")));
		Thread.sleep(500);
		this.browser.findElement(By.id("load")).click();
		wait.until(ExpectedConditions.textToBe(By.id("items"), "2 items"));
		this.browser.findElement(By.id("profile")).click();
		wait.until(ExpectedConditions.textToBe(By.id("who"), "Ada"));
		this.browser.findElement(By.id("buy")).click();
		this.browser.findElement(By.id("busy")).click();
		WebElement notes = this.browser.findElement(By.id("notes"));
		notes.click();
		notes.sendKeys(TYPED);
		Thread.sleep(300);
		String sessionId = (String) this.browser.executeScript("return sessionStorage.getItem('replay.session')"
				+ " && JSON.parse(sessionStorage.getItem('replay.session')).id");
		this.browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ " window.ReplayRecorder.flush().then(() => done(true), () => done(false));");
		assertThat(sessionId).isNotBlank();
		return sessionId;
	}

	private String shop(String applicationId, String token, String options) {
		return """
				<!doctype html>
				<html><head><meta charset="utf-8"><title>Shop</title>
				<script src="%s/sdk/recorder.js" data-application-id="%s" data-token="%s"
				        data-network-headers="X-Request-Id, Authorization" %s></script>
				</head><body>
				<h1>Shop</h1>
				<button id="load">Load items</button> <span id="items"></span>
				<button id="profile">Load profile</button> <span id="who"></span>
				<button id="buy" aria-label="Add the red shoes to the cart"><span>Buy</span></button>
				<button id="busy">Crunch numbers</button>
				<p><label for="notes">Delivery notes</label> <input id="notes" type="text" name="notes"></p>
				<script>
				  document.getElementById('load').addEventListener('click', async () => {
				    const response = await fetch('/api/items', { method: 'POST', body: '{"sku":"r-1"}',
				      headers: { 'X-Request-Id': 'order-7', Authorization: 'Bearer abc' } });
				    const body = await response.json();
				    document.getElementById('items').textContent = body.items.length + ' items';
				  });
				  document.getElementById('profile').addEventListener('click', () => {
				    const xhr = new XMLHttpRequest();
				    xhr.open('GET', '/api/profile?token=%s&fields=name');
				    xhr.onload = () => { document.getElementById('who').textContent = JSON.parse(xhr.responseText).name; };
				    xhr.send();
				  });
				  document.getElementById('busy').addEventListener('click', () => {
				    const end = performance.now() + 300;
				    while (performance.now() < end) { /* the main thread is busy */ }
				  });
				</script>
				</body></html>
				"""
			.formatted(this.client.url(""), applicationId, token, options, TOKEN);
	}

	private List<String> rows(String tab) {
		return this.browser
			.findElements(By.cssSelector("[data-testid=devtools-list-" + tab + "] [data-testid=devtools-row]"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static JsonNode find(List<JsonNode> requests, String path) {
		return requests.stream()
			.filter((request) -> request.path("resource").path("url").asString().contains(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No request to " + path + " among " + requests));
	}

	private List<JsonNode> waitForEvents(String sessionId, String type, int atLeast) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		List<JsonNode> items = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = this.client
				.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?type=" + type);
			items.clear();
			if (response.statusCode() == 200) {
				ReplayClient.json(response.body()).path("items").forEach(items::add);
				if (items.size() >= atLeast) {
					return items;
				}
			}
			Thread.sleep(300);
		}
		throw new AssertionError("Only " + items.size() + " " + type + " events for session " + sessionId);
	}

	private List<String> sessionIds(String query) {
		List<String> ids = new ArrayList<>();
		ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions?limit=200&" + query).body())
			.path("items")
			.forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

}
