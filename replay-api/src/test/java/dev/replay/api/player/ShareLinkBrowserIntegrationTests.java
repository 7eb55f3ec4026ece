package dev.replay.api.player;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.replay.DatadogRecordings;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.SharedChromium;
import dev.replay.TestSite;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links in a real browser that is not signed in: the link's page plays its session
 * and links nowhere else in Replay, another site embeds the link's embedded player but
 * not its page, and a revoked link shows nothing.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class ShareLinkBrowserIntegrationTests {

	private static final String PAGE = "errors-console";

	ReplayClient client;

	ChromeDriver browser;

	@Test
	void aLinkPlaysItsRrwebSessionSignedOutFromItsStartTime() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, PAGE);
		long errorsShownAt = RrwebCorpus.manifest(PAGE).path("screenshots").get(1).path("timestampMs").asLong();
		JsonNode link = share(sessionId, errorsShownAt);
		this.browser.get(link.path("url").asString() + "&autoplay=0");
		waitUntilPaused();
		String pageText = BrowserPages.replayedText(this.browser);
		BrowserPages.screenshot(this.browser, "share-link-rrweb-errors-shown.png");
		assertThat(pageText).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input");
		assertThat(BrowserPages.playerTime(this.browser)).isBetween(errorsShownAt - 1000, errorsShownAt + 1000);
		WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		assertThat(frame.getDomAttribute("sandbox")).doesNotContain("allow-scripts");
		assertThat(this.browser.findElements(By.cssSelector("a[href]"))).isEmpty();
		assertThat(this.browser.findElements(By.id("devtools"))).isEmpty();
		assertThat(this.browser.findElements(By.id("open-in-replay"))).isEmpty();
	}

	@Test
	void anotherSiteEmbedsTheLinksPlayerOfADatadogSessionButNotItsPage() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, PAGE);
		long errorsShownAt = TestCorpus.browserManifest(PAGE).path("screenshots").get(1).path("timestampMs").asLong();
		JsonNode link = share(sessionId, errorsShownAt);
		try (TestSite site = TestSite.page("<!doctype html><title>Support ticket</title>"
				+ "<iframe id=\"embedded\" width=\"1000\" height=\"700\" src=\"" + link.path("embedUrl").asString()
				+ "&autoplay=0\"></iframe>" + "<iframe id=\"page\" width=\"1000\" height=\"700\" src=\""
				+ link.path("url").asString() + "&autoplay=0\"></iframe>")) {
			this.browser.get(site.origin() + "/");
			this.browser.switchTo().frame(this.browser.findElement(By.id("embedded")));
			waitUntilPaused();
			WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
			this.browser.switchTo().frame(frame);
			String replayed = this.browser.findElement(By.tagName("body")).getText();
			this.browser.switchTo().defaultContent();
			BrowserPages.screenshot(this.browser, "share-link-datadog-embedded.png");
			assertThat(replayed).contains("Something went wrong. Our engineers have been notified.");
			this.browser.switchTo().frame(this.browser.findElement(By.id("page")));
			assertThat(this.browser.findElements(By.cssSelector("[data-testid=player]"))).isEmpty();
			this.browser.switchTo().defaultContent();
		}
	}

	@Test
	void aLinkPlaysADatadogMobileSessionWithItsImages() throws Exception {
		String sessionId = DatadogRecordings.ingestMobile(this.client, "android-shop-login-list-detail");
		JsonNode link = share(sessionId, 2000L);
		this.browser.get(link.path("url").asString() + "&autoplay=0");
		waitUntilPaused();
		assertThat(BrowserPages.replayedText(this.browser)).contains("Welcome back to Shopist");
		BrowserPages.screenshot(this.browser, "share-link-datadog-android.png");
	}

	@Test
	void anEditorSharesFromThePlayerAndTheLinkShowsDeveloperToolsSignedOut() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, PAGE);
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=2000&autoplay=0"));
		waitUntilPaused();
		this.browser.findElement(By.id("share")).click();
		this.browser.findElement(By.cssSelector("[data-testid=share-link-devtools]")).click();
		this.browser.findElement(By.cssSelector("[data-testid=share-link-create]")).click();
		WebElement shared = BrowserPages.waitFor(this.browser)
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=share-link-url]")));
		String url = shared.getDomProperty("value");
		assertThat(url).contains("/s/").contains("t=2000");
		assertThat(this.browser.findElement(By.cssSelector("[data-testid=share-link-status]")).getText())
			.contains("works until");
		BrowserPages.screenshot(this.browser, "share-link-created-in-player.png");

		HeadlessChromium.authorize(this.browser, null);
		this.browser.manage().deleteAllCookies();
		this.browser.get(url + "&autoplay=0");
		waitUntilPaused();
		BrowserPages.waitFor(this.browser)
			.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-testid=devtools]"), "data-state", "ready"));
		WebElement open = this.browser.findElement(By.cssSelector("[data-testid=devtools-open]"));
		if ("false".equals(open.getDomAttribute("aria-expanded"))) {
			open.click();
		}
		List<WebElement> errors = this.browser
			.findElements(By.cssSelector("[data-testid=devtools-list-errors] [data-testid=devtools-row]"));
		assertThat(errors).hasSize(10);
		assertThat(this.browser.findElements(By.cssSelector("a[href]"))).isEmpty();
		BrowserPages.screenshot(this.browser, "share-link-devtools.png");
	}

	@Test
	void aRevokedLinkShowsNothing() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, PAGE);
		JsonNode link = share(sessionId, null);
		this.browser.get(link.path("url").asString());
		waitUntilPlayingOrPaused();
		HttpResponse<String> revoked = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/share-links/" + link.path("id").asString()))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.DELETE());
		assertThat(revoked.statusCode()).isEqualTo(204);
		this.browser.get(link.path("url").asString());
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=player]"))).isEmpty();
		assertThat(this.browser.getPageSource()).contains("share-link-not-found");
	}

	private JsonNode share(String sessionId, Long startAt) {
		Map<String, Object> body = new HashMap<>();
		body.put("expiresAt", Instant.now().plus(Duration.ofHours(1)).toString());
		if (startAt != null) {
			body.put("startAt", startAt);
		}
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/sessions/" + sessionId + "/share-links",
				body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ReplayClient.json(response.body());
	}

	private void waitUntilPaused() {
		BrowserPages.waitFor(this.browser)
			.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
	}

	private void waitUntilPlayingOrPaused() {
		BrowserPages.waitFor(this.browser)
			.until((driver) -> List.of("playing", "paused", "ended")
				.contains(driver.findElement(By.cssSelector("[data-state]")).getDomAttribute("data-state")));
	}

}
