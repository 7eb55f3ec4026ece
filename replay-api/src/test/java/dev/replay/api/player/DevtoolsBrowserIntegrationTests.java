package dev.replay.api.player;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.replay.DatadogRecordings;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
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

@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class DevtoolsBrowserIntegrationTests {

	ReplayClient client;

	ChromeDriver browser;

	TestSite page;

	@AfterEach
	void stopPage() {
		if (this.page != null) {
			this.page.close();
		}
	}

	@Test
	void clickingAnErrorSeeksTheReplayToItAndRumSignalsAreMarkedOnTheSeekBar() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, "errors-console");
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until((driver) -> List.of("ready", "paused")
			.contains(driver.findElement(By.id("player")).getDomAttribute("data-state")));
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=devtools]"), "data-state", "ready"));
		WebElement open = this.browser.findElement(By.cssSelector("[data-testid=devtools-open]"));
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=devtools]")).isDisplayed()).isFalse();
		assertThat(open.getText()).contains("10");
		open.click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=devtools]")));

		List<WebElement> errors = this.browser
			.findElements(By.cssSelector("[data-testid=devtools-list-errors] [data-testid=devtools-row]"));
		assertThat(errors).hasSize(10);
		WebElement payment = errors.stream()
			.filter((row) -> row.getText().contains("Payment declined: insufficient funds (code 51)"))
			.findFirst()
			.orElseThrow();
		long offset = Long.parseLong(payment.getDomAttribute("data-offset"));
		assertThat(offset).isGreaterThan(3000);
		payment.click();
		wait.until((driver) -> Math.abs(seekPosition() - offset) <= 250);
		assertThat(this.browser.findElement(By.id("player")).getDomAttribute("data-state")).isEqualTo("paused");
		assertThat(seekPosition()).isCloseTo(offset, org.assertj.core.data.Offset.offset(250L));
		BrowserPages.screenshot(this.browser, "player-devtools-errors.png");

		List<WebElement> errorMarkers = this.browser
			.findElements(By.cssSelector("[data-testid=devtools-markers] .marker-error"));
		assertThat(errorMarkers).hasSize(10);
		List<WebElement> rage = this.browser
			.findElements(By.cssSelector("[data-testid=devtools-markers] .marker-rage-click"));
		assertThat(rage).hasSize(1);
		assertThat(rage.get(0).getDomAttribute("aria-label")).contains("Rage click")
			.contains("Track order (does nothing)");
		long rageOffset = Long.parseLong(rage.get(0).getDomAttribute("data-offset"));
		this.browser.executeScript("arguments[0].click()", rage.get(0));
		wait.until((driver) -> Math.abs(seekPosition() - rageOffset) <= 250);

		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-network]")).click();
		List<WebElement> resources = this.browser
			.findElements(By.cssSelector("[data-testid=devtools-list-network] [data-testid=devtools-row]"));
		assertThat(resources).isNotEmpty();
		assertThat(resources).anySatisfy((row) -> assertThat(row.getText()).contains("/api/fail").contains("500"));
		BrowserPages.screenshot(this.browser, "player-devtools-network.png");
		this.browser.findElement(By.cssSelector("[data-testid=devtools-tab-views]")).click();
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=devtools-list-views]")).getText())
			.contains("Load 447 ms")
			.contains("LCP 280 ms");
	}

	@Test
	void showsTheConsoleErrorAndTheUnhandledErrorThatOurRecorderRecorded() throws Exception {
		JsonNode application = this.client.createApplication("devtools recorder");
		this.page = TestSite
			.page(recordedPage(application.path("id").asString(), application.path("clientToken").asString()));
		this.browser.get(this.page.origin() + "/");
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until((driver) -> Boolean.TRUE.equals(((ChromeDriver) driver)
			.executeScript("return !!window.ReplayRecorder && document.readyState === 'complete'")));
		Thread.sleep(500);
		this.browser.findElement(By.id("log-error")).click();
		this.browser.findElement(By.id("throw")).click();
		this.browser.findElement(By.id("navigate")).click();
		Thread.sleep(300);
		String sessionId = (String) this.browser.executeScript("return sessionStorage.getItem('replay.session')"
				+ " && JSON.parse(sessionStorage.getItem('replay.session')).id");
		this.browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ " window.ReplayRecorder.flush().then(() => done(true), () => done(false));");
		assertThat(sessionId).isNotBlank();

		List<JsonNode> errors = waitForEvents(this.client, sessionId, "error", 2);
		assertThat(errors).extracting((error) -> error.path("error").path("message").asString())
			.containsExactly("checkout failed: card declined", "Uncaught Error: Unhandled boom in checkout");
		assertThat(errors.get(0).path("error").path("source").asString()).isEqualTo("console");
		assertThat(errors.get(1).path("error").path("source").asString()).isEqualTo("source");
		assertThat(errors.get(1).path("error").path("stack").asString()).isNotBlank();
		assertThat(errors).allSatisfy((error) -> assertThat(error.path("origin").asString()).isEqualTo("recorder"));
		assertThat(waitForEvents(this.client, sessionId, "console", 2))
			.extracting((message) -> message.path("error").path("message").asString())
			.contains("checkout failed: card declined", "cart has 2 items");
		assertThat(waitForEvents(this.client, sessionId, "view", 2))
			.extracting((view) -> view.path("view").path("url").asString())
			.anySatisfy((url) -> assertThat(url).endsWith("/checkout#step-2"));
		assertThat(sessionIds(this.client, "error=CARD%20DECLINED")).contains(sessionId);
		assertThat(sessionIds(this.client, "hasErrors=true")).contains(sessionId);

		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=devtools]"), "data-state", "ready"));
		this.browser.findElement(By.cssSelector("[data-testid=devtools-open]")).click();
		String errorsTab = this.browser.findElement(By.cssSelector("[data-testid=devtools-list-errors]")).getText();
		assertThat(errorsTab).contains("checkout failed: card declined")
			.contains("Uncaught Error: Unhandled boom in checkout");
		BrowserPages.screenshot(this.browser, "player-devtools-recorder.png");

		// the pushState to /checkout opened a view, as a page load would: a marker of its
		// own, or one of a group where markers would overlap
		WebElement viewMarker = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("[data-testid=seek-markers] .marker-view:not(.marker-count), "
					+ "[data-testid=seek-markers] [data-testid=marker-group-item][data-kind=view]")));
		assertThat(viewMarker.getDomAttribute("title")).endsWith("/checkout#step-2");
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=event-filter-view] .event-filter-count"))
			.getText()).isEqualTo("2");
		assertThat(ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/views").body())
			.valueStream()
			.map((view) -> view.path("url").asString())).hasSize(2).last().asString().endsWith("/checkout#step-2");
		assertThat(sessionIds(this.client, "url=%2Fcheckout")).contains(sessionId);
	}

	private List<JsonNode> waitForEvents(ReplayClient client, String sessionId, String type, int atLeast)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		List<JsonNode> items = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?type=" + type);
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

	private static List<String> sessionIds(ReplayClient client, String query) {
		List<String> ids = new ArrayList<>();
		ReplayClient.json(client.getAsAdmin("/api/v1/sessions?limit=200&" + query).body())
			.path("items")
			.forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	private String recordedPage(String applicationId, String token) {
		return """
				<!doctype html>
				<html><head><meta charset="utf-8"><title>Checkout</title>
				<script src="%s/sdk/recorder.js" data-application-id="%s" data-token="%s"></script>
				</head><body>
				<h1>Checkout</h1>
				<button id="log-error">Pay</button>
				<button id="throw">Confirm</button>
				<button id="navigate">Next step</button>
				<script>
				  document.getElementById('log-error').addEventListener('click', () => {
				    console.log('cart has', 2, 'items');
				    console.error('checkout failed: card declined');
				  });
				  document.getElementById('throw').addEventListener('click', () => {
				    setTimeout(() => { throw new Error('Unhandled boom in checkout'); }, 0);
				  });
				  document.getElementById('navigate').addEventListener('click', () => {
				    history.pushState({}, '', '/checkout#step-2');
				  });
				</script>
				</body></html>
				""".formatted(this.client.url(""), applicationId, token);
	}

	private long seekPosition() {
		return Long.parseLong(this.browser.findElement(By.id("seek")).getDomProperty("value"));
	}

}
