package dev.replay.api.player;

import java.time.Instant;
import java.util.UUID;

import dev.replay.HeadlessChromium;
import dev.replay.RecordedSite;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * People, not ids, in a real browser: the session list and the player name a session's
 * user (email on hover) and link to their page, which lists their sessions with their
 * counts; the player's header tells the browser, system, device and viewport.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class PeopleBrowserIntegrationTests {

	private static final String FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) "
			+ "Gecko/20100101 Firefox/121.0";

	ReplayClient client;

	ChromeDriver browser;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void namesTheUserEverywhereAndListsTheirSessionsOnTheirPage() throws Exception {
		RecordedSite site = RecordedSite.create(this.client);
		String userId = "u-" + UUID.randomUUID().toString().substring(0, 8);
		String older = site.record(Instant.now().minusSeconds(7200),
				RecordedSite.user(userId, "Ada Lovelace", "ada@example.org"), FIREFOX_ON_WINDOWS);
		String newer = site.record(Instant.now().minusSeconds(3600),
				RecordedSite.user(userId, "Ada Lovelace", "ada@example.org"), FIREFOX_ON_WINDOWS);
		RecordedSite.awaitIndexed(this.jdbc, older);
		RecordedSite.awaitIndexed(this.jdbc, newer);
		this.jdbc
			.sql("update replay_session set indexed_at = now(), indexed_version = updated_at, error_count = 3, "
					+ "received_at = now() - interval '1 hour' where id = ?")
			.param(older)
			.update();
		// the newer one waits for the indexer, which has not seen it yet
		this.jdbc.sql("update replay_session set indexed_at = null, indexed_version = updated_at where id = ?")
			.param(newer)
			.update();

		this.browser.get(this.client.url("/sessions?applicationId=" + site.applicationId()));
		WebElement user = waitFor().until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("[data-session-id='" + older + "'] " + "[data-testid='site-user']")));
		assertThat(user.getText()).isEqualTo("Ada Lovelace");
		assertThat(user.getDomAttribute("title")).contains("ada@example.org");
		assertThat(user.getText()).doesNotContain(userId);
		assertThat(cell(older, "session-errors")).isEqualTo("3");
		// the newer session has not been indexed: its counts are not known yet, not zero
		assertThat(cell(newer, "session-errors")).isEqualTo("—");
		BrowserPages.viewport(this.browser, 1440, 900);
		BrowserPages.screenshot(this.browser, "people-session-list-1440x900.png");

		user.click();
		waitFor().until(ExpectedConditions.textToBe(BrowserPages.testId("person-name"), "Ada Lovelace"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/people/" + userId);
		assertThat(this.browser.findElement(BrowserPages.testId("person-identity")).getText())
			.contains("ada@example.org", userId);
		assertThat(this.browser.findElement(BrowserPages.testId("person-session-count")).getText()).isEqualTo("2");
		assertThat(this.browser.findElement(BrowserPages.testId("person-error-count")).getText()).isEqualTo("3");
		waitFor().until(ExpectedConditions
			.numberOfElementsToBe(By.cssSelector("[data-testid='person-sessions'] [data-testid='session-row']"), 2));
		assertThat(
				this.browser.findElements(By.cssSelector("[data-testid='person-sessions'] [data-testid='session-row']"))
					.stream()
					.map((row) -> row.getDomAttribute("data-session-id"))
					.toList())
			.containsExactly(newer, older);
		BrowserPages.screenshot(this.browser, "people-user-page-1440x900.png");
		BrowserPages.viewport(this.browser, 1280, 800);
		BrowserPages.screenshot(this.browser, "people-user-page-1280x800.png");

		this.browser.findElement(By.cssSelector("[data-session-id='" + older + "'] a.row-link")).click();
		waitFor().until(
				ExpectedConditions.textToBePresentInElementLocated(BrowserPages.testId("session-client"), "1280×720"));
		WebElement header = this.browser.findElement(BrowserPages.testId("session-user"));
		assertThat(header.getText()).isEqualTo("Ada Lovelace");
		assertThat(header.getDomAttribute("title")).contains("ada@example.org");
		assertThat(header.getDomAttribute("href")).isEqualTo("/people/" + userId);
		assertThat(this.browser.findElement(BrowserPages.testId("session-client")).getText())
			.isEqualTo("Firefox 121 · Windows 10 or 11 · desktop · 1280×720");
		BrowserPages.viewport(this.browser, 1440, 900);
		BrowserPages.screenshot(this.browser, "people-player-1440x900.png");
	}

	@Test
	void anUnknownUserShowsTheAppsNotFoundPage() {
		this.browser.get(this.client.url("/people/nobody-" + UUID.randomUUID()));
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(BrowserPages.testId("page-error"),
				"User not found"));
	}

	private String cell(String sessionId, String testId) {
		return this.browser
			.findElement(By.cssSelector("[data-session-id='" + sessionId + "'] [data-testid='" + testId + "']"))
			.getText();
	}

	private WebDriverWait waitFor() {
		return BrowserPages.waitFor(this.browser);
	}

}
