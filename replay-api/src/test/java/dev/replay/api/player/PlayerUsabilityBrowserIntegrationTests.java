package dev.replay.api.player;

import java.util.List;
import java.util.UUID;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.SharedChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Small things of the app and the player, in a real browser: a playlist created from the
 * player, My Watch History's count, tooltips of cut-off labels, an unknown session and an
 * unknown page, and the signed-in user named once.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class PlayerUsabilityBrowserIntegrationTests {

	ReplayClient client;

	ChromeDriver browser;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void createsAPlaylistFromThePlayerWithoutLeavingIt() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		String player = this.client.url("/replays/" + sessionId + "?autoplay=0");
		this.browser.get(player);
		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("add-to-playlist"))).click();
		Select playlists = new Select(
				waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("playlist-select"))));
		waitFor().until((driver) -> playlists.getOptions()
			.stream()
			.anyMatch((option) -> "New playlist…".equals(option.getText())));
		playlists.selectByVisibleText("New playlist…");
		String name = "From the player " + UUID.randomUUID();
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("new-playlist-name")))
			.sendKeys(name);
		BrowserPages.screenshot(this.browser, "player-new-playlist.png");
		this.browser.findElement(BrowserPages.testId("add-to-playlist-submit")).click();
		waitFor().until(
				ExpectedConditions.textToBe(BrowserPages.testId("add-to-playlist-status"), "Added to " + name + "."));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(player);
		assertThat(playlists.getFirstSelectedOption().getText()).isEqualTo(name);

		JsonNode found = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/playlists?q=" + name.replace(" ", "+")).body())
			.path("items");
		assertThat(found).hasSize(1);
		JsonNode items = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/playlists/" + found.get(0).path("id").asString() + "/items").body())
			.path("items");
		assertThat(items).extracting((item) -> item.path("sessionId").asString()).containsExactly(sessionId);
	}

	@Test
	void watchHistoryRowCountsItsSessionsLikeOtherPlaylists() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events").statusCode()).isEqualTo(200);
		long watched = ReplayClient.json(this.client.getAsAdmin("/api/v1/me/history?size=1").body())
			.path("totalItems")
			.asLong();
		assertThat(watched).isPositive();
		this.browser.get(this.client.url("/playlists"));
		WebElement count = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("watch-history-count")));
		assertThat(count.getText()).isEqualTo(String.valueOf(watched));
		assertThat(this.browser.findElement(BrowserPages.testId("watch-history-row")).getText()).doesNotContain("—");
	}

	@Test
	void cutOffEventLabelsShowTheirWholeTextOnHover() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		BrowserPages.viewport(this.browser, 1280, 800);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("event-item")));
		List<WebElement> items = this.browser.findElements(BrowserPages.testId("event-item"));
		assertThat(items).isNotEmpty().allSatisfy((item) -> {
			String label = item.findElement(By.className("event-label")).getText();
			assertThat(item.getDomAttribute("title")).isEqualTo(item.getDomAttribute("aria-label")).endsWith(label);
		});
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#seek-markers .marker")));
		assertThat(this.browser.findElements(By.cssSelector("#seek-markers .marker"))).isNotEmpty()
			.allSatisfy((marker) -> assertThat(marker.getDomAttribute("title")).isNotBlank()
				.isEqualTo(marker.getDomAttribute("aria-label")));
	}

	@Test
	void unknownSessionSaysSoAndOffersNoControls() throws Exception {
		this.browser.get(this.client.url("/replays/" + UUID.randomUUID()));
		WebElement player = this.browser.findElement(BrowserPages.testId("player"));
		waitFor().until(ExpectedConditions.attributeToBe(player, "data-state", "error"));
		WebElement error = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("player-error")));
		assertThat(error.getText()).contains("Session not found")
			.contains("There is no session at this address that you may watch.");
		List<WebElement> controls = this.browser.findElements(By.cssSelector(
				"[data-testid=controls] button, [data-testid=controls] input, " + "[data-testid=controls] select"));
		assertThat(controls).isNotEmpty().allSatisfy((control) -> assertThat(control.isEnabled()).isFalse());
		assertThat(this.browser.findElement(BrowserPages.testId("controls")).getDomAttribute("aria-disabled"))
			.isEqualTo("true");
		waitFor().until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("current-user")));
		assertThat(this.browser.findElements(BrowserPages.testId("add-to-playlist"))).isEmpty();
		assertThat(this.browser.findElement(BrowserPages.testId("event-status")).getText())
			.isEqualTo("No events: there is no such session.");
		BrowserPages.screenshot(this.browser, "player-unknown-session.png");
	}

	@Test
	void unknownPageShowsTheAppsOwnNotFoundPage() throws Exception {
		this.browser.get(this.client.url("/no/such/page"));
		WebElement error = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("page-error")));
		assertThat(error.getText()).contains("Page not found");
		assertThat(this.browser.findElement(By.id("topbar")).getText()).contains("Sessions").contains("Playlists");
		assertThat(this.browser.getPageSource()).doesNotContain("\"status\":404");
		BrowserPages.screenshot(this.browser, "app-page-not-found.png");
	}

	@Test
	void headerNamesTheSignedInUserOnce() {
		this.browser.get(this.client.url("/sessions"));
		WebElement user = waitFor()
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("current-user")));
		assertThat(user.getText()).isEqualTo("admin");
		assertThat(user.getDomAttribute("data-role")).isEqualTo("admin");
		assertThat(this.browser.findElements(BrowserPages.testId("current-user"))).hasSize(1);
	}

	private WebDriverWait waitFor() {
		return BrowserPages.waitFor(this.browser);
	}

}
