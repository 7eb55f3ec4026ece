package dev.replay.api.player;

import java.time.Duration;
import java.time.Instant;

import dev.replay.HeadlessChromium;
import dev.replay.RecordedSite;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session still being recorded, in a real browser: the list marks it live, and the
 * player marks it live, shows what is recorded while it is watched within 5 s, and jumps
 * back to the live edge.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class LiveSessionBrowserIntegrationTests {

	ReplayClient client;

	ChromeDriver browser;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void marksALiveSessionAndShowsWhatIsRecordedWhileItIsWatched() throws Exception {
		RecordedSite site = RecordedSite.create(this.client);
		String sessionId = site.record(Instant.now().minusSeconds(20), null, null);

		this.browser.get(this.client.url("/sessions?applicationId=" + site.applicationId()));
		WebElement row = waitFor().until(
				ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-session-id='" + sessionId + "']")));
		assertThat(row.getDomAttribute("data-live")).isEqualTo("true");
		assertThat(row.findElement(BrowserPages.testId("live-mark")).getText()).isEqualTo("Live");

		this.browser.get(this.client.url("/replays/" + sessionId));
		WebElement player = this.browser.findElement(BrowserPages.testId("player"));
		waitFor().until(ExpectedConditions.attributeToBe(player, "data-live", "true"));
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("live-edge")));
		waitFor().until((driver) -> BrowserPages.replayedText(this.browser).contains("Hello"));
		// played to the end of what was recorded: the viewer is at the live edge
		waitFor().until(ExpectedConditions.attributeToBe(player, "data-state", "paused"));
		long before = Long.parseLong(this.browser.findElement(BrowserPages.testId("seek")).getDomAttribute("max"));

		site.append(sessionId, 1, Instant.now(), "Added while watching");
		long appended = System.nanoTime();
		// the player looks for new events every 2.5 s: what was recorded shows within 5 s
		new WebDriverWait(this.browser, Duration.ofSeconds(5), Duration.ofMillis(100))
			// the replayed page's frame is replaced when the player takes in new events
			.ignoring(StaleElementReferenceException.class)
			.until((driver) -> BrowserPages.replayedText(this.browser).contains("Added while watching"));
		System.out.println("Live activity shown after " + (System.nanoTime() - appended) / 1_000_000 + " ms");
		assertThat(player.getDomAttribute("data-live")).isEqualTo("true");
		assertThat(Long.parseLong(this.browser.findElement(BrowserPages.testId("seek")).getDomAttribute("max")))
			.isGreaterThan(before);
		BrowserPages.viewport(this.browser, 1440, 900);
		BrowserPages.screenshot(this.browser, "live-player-1440x900.png");

		// back in time, then to the live edge
		this.browser.findElement(BrowserPages.testId("seek")).sendKeys(Keys.HOME);
		waitFor().until((driver) -> !BrowserPages.replayedText(this.browser).contains("Added while watching"));
		this.browser.findElement(BrowserPages.testId("live-edge")).click();
		waitFor().until((driver) -> BrowserPages.replayedText(this.browser).contains("Added while watching"));
	}

	private WebDriverWait waitFor() {
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(20));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

}
