package dev.replay.api.player;

import java.time.Duration;
import java.util.List;

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player's timeline in a real browser: it takes the player's width, markers that
 * would overlap are grouped under a count whose list opens on hover and on focus, and
 * hovering it shows a preview of the page at the hovered time.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class TimelineBrowserIntegrationTests {

	ReplayClient client;

	ChromeDriver browser;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void takesThePlayersWidthGroupsOverlappingMarkersAndPreviewsTheHoveredMoment() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		BrowserPages.viewport(this.browser, 1440, 900);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		WebElement timeline = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("timeline")));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#seek-markers .marker")));
		long playerWidth = ((Number) this.browser
			.executeScript("return document.getElementById('player-main').clientWidth")).longValue();
		assertThat(timeline.getRect().getWidth()).as("the timeline's share of the player's width")
			.isGreaterThan((int) (playerWidth * 0.9));

		// the ten errors, logged within moments of each other, cannot each have a marker
		WebElement group = waitFor()
			.until(ExpectedConditions.presenceOfElementLocated(BrowserPages.testId("marker-group")));
		int count = Integer.parseInt(group.getDomAttribute("data-count"));
		assertThat(count).isGreaterThan(1);
		By listOfGroup = By.cssSelector("[data-testid=marker-group] [data-testid=marker-group-list]");
		assertThat(this.browser.findElement(listOfGroup).isDisplayed()).isFalse();
		new Actions(this.browser)
			.moveToElement(this.browser.findElement(By.cssSelector("[data-testid=marker-group] .marker-count")))
			.perform();
		WebElement list = waitFor().until(ExpectedConditions.visibilityOfElementLocated(listOfGroup));
		List<WebElement> items = list.findElements(BrowserPages.testId("marker-group-item"));
		assertThat(items).hasSize(Integer
			.parseInt(this.browser.findElement(BrowserPages.testId("marker-group")).getDomAttribute("data-count")));
		assertThat(items.get(0).getText()).matches(".+ at \\d+:\\d\\d.*");
		BrowserPages.screenshot(this.browser, "timeline-group-1440x900.png");
		long target = Long.parseLong(items.get(items.size() - 1).getDomAttribute("data-offset"));
		items.get(items.size() - 1).click();
		waitFor().until((driver) -> Math.abs(BrowserPages.playerTime(this.browser) - target) <= 250);

		// by keyboard: focus opens the list as hover does
		new Actions(this.browser).moveToElement(this.browser.findElement(By.className("brand"))).perform();
		waitFor().until(ExpectedConditions.invisibilityOfElementLocated(listOfGroup));
		this.browser.executeScript("arguments[0].focus()",
				this.browser.findElement(By.cssSelector("[data-testid=marker-group] .marker-count")));
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(listOfGroup));

		// hovering the timeline previews the page there
		WebElement preview = this.browser.findElement(BrowserPages.testId("timeline-preview"));
		this.browser.executeScript("document.activeElement.blur()");
		int width = timeline.getRect().getWidth();
		long started = System.nanoTime();
		new Actions(this.browser).moveToElement(timeline, -width / 4, 0).perform();
		waitFor().until(ExpectedConditions.attributeToBe(preview, "data-state", "ready"));
		long hoverToPreviewMs = (System.nanoTime() - started) / 1_000_000;
		System.out.println("Hover to timeline preview: " + hoverToPreviewMs + " ms");
		assertThat(preview.isDisplayed()).isTrue();
		assertThat(preview.findElement(By.cssSelector(".timeline-preview-time")).getText()).matches("\\d+:\\d\\d");
		assertThat(preview.findElement(By.cssSelector(".timeline-preview-frame iframe")).isDisplayed()).isTrue();
		long hovered = Long.parseLong(preview.getDomAttribute("data-time-ms"));
		long duration = Long.parseLong(this.browser.findElement(BrowserPages.testId("seek")).getDomAttribute("max"));
		assertThat((double) hovered / duration).isBetween(0.15, 0.35);
		BrowserPages.screenshot(this.browser, "timeline-preview-1440x900.png");
		BrowserPages.viewport(this.browser, 1280, 800);
		BrowserPages.screenshot(this.browser, "timeline-preview-1280x800.png");

		new Actions(this.browser).moveToElement(this.browser.findElement(By.className("brand"))).perform();
		waitFor().until(ExpectedConditions.invisibilityOf(preview));
	}

	private WebDriverWait waitFor() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(20));
	}

}
