package dev.replay.api.player;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.SharedChromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player page in a real browser: what it shows at a moment, the event list, the share
 * link, keyboard help, full screen and the watchers.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class PlayerBrowserIntegrationTests {

	ReplayClient client;

	ChromeDriver browser;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void showsRecordedPageAsItWasAtScreenshotTime() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		long errorsShownAt = RrwebCorpus.manifest("errors-console")
			.path("screenshots")
			.get(1)
			.path("timestampMs")
			.asLong();
		String pageText = replayedTextAt(sessionId, errorsShownAt);
		assertThat(pageText).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input")
			.contains("(14)");
		BrowserPages.screenshot(this.browser, "player-errors-console-errors-shown.png");
	}

	@Test
	void showsRecordedPageAtScreenshotTimeFromItsStoredKeyframe() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		awaitKeyframes(sessionId);
		long errorsShownAt = RrwebCorpus.manifest("errors-console")
			.path("screenshots")
			.get(1)
			.path("timestampMs")
			.asLong();
		String pageText = replayedTextAt(sessionId, errorsShownAt);
		assertThat(pageText).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input")
			.contains("(14)");
	}

	@Test
	void showsEarlierStateBeforeTheErrors() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		long initialAt = RrwebCorpus.manifest("errors-console").path("screenshots").get(0).path("timestampMs").asLong();
		String pageText = replayedTextAt(sessionId, initialAt);
		assertThat(pageText).contains("ShopCo checkout").doesNotContain("handled: Unexpected end of JSON input");
	}

	@Test
	void eventListSeeksWhereAnEventHappenedAndFollowsThePlayhead() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		BrowserPages.viewport(this.browser, 1280, 800);
		openPaused(sessionId, 0);
		WebElement rage = waitFor().until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("[data-testid=event-item][data-kind=rage-click]")));
		long rageAt = Long.parseLong(rage.getDomAttribute("data-offset"));
		assertThat(rage.getText()).contains("Rage click").contains("Track order");
		rage.click();
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == rageAt);
		assertThat(this.browser.findElement(testId("current-time")).getText()).isEqualTo(clock(rageAt));
		waitFor().until(ExpectedConditions.attributeToBe(rage, "aria-current", "true"));
		BrowserPages.screenshot(this.browser, "player-1280x800.png");
		BrowserPages.viewport(this.browser, 1920, 1080);
		waitFor().until((driver) -> this.browser.findElement(testId("replay-viewport")).getSize().getWidth() > 1200);
		WebElement replay = this.browser.findElement(testId("replay-viewport"));
		assertThat(this.browser.findElement(testId("player-side")).getLocation().getX())
			.as("the event list stands beside the replay")
			.isGreaterThanOrEqualTo(replay.getLocation().getX() + replay.getSize().getWidth());
		BrowserPages.screenshot(this.browser, "player-1920x1080.png");

		// A short window: the list must scroll to keep the current event in view.
		BrowserPages.viewport(this.browser, 1280, 560);
		List<WebElement> items = this.browser.findElements(testId("event-item"));
		WebElement last = items.get(items.size() - 1);
		long lastAt = Long.parseLong(last.getDomAttribute("data-offset"));
		long firstAt = Long.parseLong(items.get(0).getDomAttribute("data-offset"));
		items.get(0).click();
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == firstAt);
		waitFor().until((driver) -> !isInView(last));
		new Select(this.browser.findElement(testId("speed"))).selectByValue("4");
		this.browser.findElement(testId("play-toggle")).click();
		waitFor().until(ExpectedConditions.attributeToBe(last, "aria-current", "true"));
		assertThat(BrowserPages.playerTime(this.browser)).isGreaterThanOrEqualTo(lastAt);
		waitFor().until((driver) -> isInView(last));
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=event-item][aria-current=true]"))).hasSize(1);
		BrowserPages.screenshot(this.browser, "player-event-list-following.png");
	}

	@Test
	void shareLinkOpensThePlayerAtTheSharedMoment() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		openPaused(sessionId, 9400);
		this.browser.findElement(testId("share")).click();
		WebElement link = waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("share-url")));
		String shared = link.getDomProperty("value");
		assertThat(shared).isEqualTo(this.client.url("/replays/" + sessionId + "?t=9s"));
		assertThat(this.browser.findElement(testId("share-time")).getText()).isEqualTo("0:09");
		assertThat(this.browser.findElement(testId("share-embed")).getDomProperty("value"))
			.contains("<iframe src=\"" + this.client.url("/embed/replays/" + sessionId + "?t=9400&autoplay=0") + "\"");
		BrowserPages.screenshot(this.browser, "player-share.png");

		this.browser.get(shared);
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "playing"));
		this.browser.findElement(testId("play-toggle")).click();
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "paused"));
		assertThat(BrowserPages.playerTime(this.browser)).as("played from 9 s").isBetween(9000L, 15000L);

		this.browser.get(this.client.url("/replays/" + sessionId + "?t=0m12s&autoplay=0"));
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "paused"));
		assertThat(BrowserPages.playerTime(this.browser)).isEqualTo(12000L);
	}

	@Test
	void questionMarkOpensTheShortcutsAndEscapeClosesThem() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		openPaused(sessionId, 1000);
		WebElement help = this.browser.findElement(testId("help-dialog"));
		assertThat(help.isDisplayed()).isFalse();
		new Actions(this.browser).sendKeys("?").perform();
		waitFor().until(ExpectedConditions.visibilityOf(help));
		assertThat(help.getDomAttribute("open")).isNotNull();
		assertThat(help.getText()).contains("Play or pause").contains("Full screen").contains("Slower or faster");
		BrowserPages.screenshot(this.browser, "player-help.png");
		new Actions(this.browser).sendKeys(Keys.ESCAPE).perform();
		waitFor().until(ExpectedConditions.invisibilityOf(help));
		assertThat(help.getDomAttribute("open")).isNull();

		new Actions(this.browser).sendKeys("4").perform();
		waitFor().until((driver) -> "4".equals(this.browser.findElement(testId("speed")).getDomProperty("value")));
		new Actions(this.browser).sendKeys("<").perform();
		waitFor().until((driver) -> "2".equals(this.browser.findElement(testId("speed")).getDomProperty("value")));
	}

	@Test
	void shortcutsAnswerAfterSeeksAndAfterClicksOnTheSeekBarAndTheReplay() throws Exception {
		// the recorded page focuses a field at 20.5 s, 21.2 s and 22.3 s: replaying those
		// moments must not take the keyboard away from the player
		String sessionId = RrwebCorpus.ingest(this.client, "form-inputs");
		openPaused(sessionId, 20000);
		press(Keys.ARROW_RIGHT);
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == 25000);
		assertThat(activeTag()).as("the focus stays out of the replay").isNotEqualToIgnoringCase("iframe");
		press(Keys.ARROW_RIGHT);
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == 30000);
		press(Keys.ARROW_LEFT);
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == 25000);

		new Actions(this.browser).click(this.browser.findElement(testId("seek"))).perform();
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) != 25000
				&& "paused".equals(this.browser.findElement(By.id("player")).getDomAttribute("data-state")));
		long clicked = BrowserPages.playerTime(this.browser);
		press(Keys.ARROW_RIGHT);
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == clicked + 5000);

		new Actions(this.browser).click(this.browser.findElement(testId("replay-viewport"))).perform();
		press(Keys.ARROW_LEFT);
		waitFor().until((driver) -> BrowserPages.playerTime(this.browser) == clicked);
		press("2");
		waitFor().until((driver) -> "2".equals(this.browser.findElement(testId("speed")).getDomProperty("value")));
		press(Keys.SPACE);
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "playing"));
		press(Keys.SPACE);
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "paused"));
		long paused = BrowserPages.playerTime(this.browser);
		press("?");
		WebElement help = this.browser.findElement(testId("help-dialog"));
		waitFor().until(ExpectedConditions.visibilityOf(help));
		press(Keys.ESCAPE);
		waitFor().until(ExpectedConditions.invisibilityOf(help));
		press("f");
		waitFor().until((driver) -> "player-main".equals(fullscreenElement()));
		press("f");
		waitFor().until((driver) -> fullscreenElement() == null);

		// should the focus land in the replayed page all the same, keys still reach the
		// player
		this.browser.executeScript("document.querySelector('[data-testid=replay-viewport] iframe')"
				+ ".contentDocument.querySelector('input').focus()");
		assertThat(activeTag()).isEqualToIgnoringCase("iframe");
		press("4");
		waitFor().until((driver) -> "4".equals(this.browser.findElement(testId("speed")).getDomProperty("value")));
		press(Keys.ARROW_RIGHT);
		waitFor().until((driver) -> Math.abs(BrowserPages.playerTime(this.browser) - (paused + 5000)) <= 1);
	}

	@Test
	void shortcutsLeaveTheTextFieldsOfTheAppAlone() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "form-inputs");
		openPaused(sessionId, 20000);
		this.browser.findElement(testId("share")).click();
		for (String field : List.of("share-url", "share-embed")) {
			WebElement text = waitFor().until(ExpectedConditions.elementToBeClickable(testId(field)));
			text.click();
			new Actions(this.browser).sendKeys(text, "4", " ", "?", "f", Keys.ARROW_RIGHT).perform();
			assertThat(this.browser.switchTo().activeElement().getDomAttribute("data-testid")).isEqualTo(field);
		}
		// the keys had their chance: a shortcut that answered would have acted by now
		Thread.sleep(500);
		assertThat(this.browser.findElement(testId("speed")).getDomProperty("value")).isEqualTo("1");
		assertThat(BrowserPages.playerTime(this.browser)).isEqualTo(20000);
		assertThat(this.browser.findElement(By.id("player")).getDomAttribute("data-state")).isEqualTo("paused");
		assertThat(this.browser.findElement(testId("help-dialog")).getDomAttribute("open")).isNull();
		assertThat(fullscreenElement()).isNull();
	}

	@Test
	void fullScreenShowsTheReplayWithItsControls() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		openPaused(sessionId, 1000);
		this.browser.findElement(testId("fullscreen")).click();
		waitFor().until((driver) -> "player-main".equals(fullscreenElement()));
		WebElement main = this.browser.findElement(testId("player-main"));
		assertThat(main.getDomAttribute("class")).contains("is-fullscreen");
		assertThat(this.browser.findElement(testId("fullscreen")).getDomAttribute("aria-pressed")).isEqualTo("true");
		BrowserPages.screenshot(this.browser, "player-fullscreen.png");
		new Actions(this.browser).sendKeys("f").perform();
		waitFor().until((driver) -> fullscreenElement() == null);
		assertThat(main.getDomAttribute("class")).doesNotContain("is-fullscreen");
		assertThat(this.browser.findElement(testId("fullscreen")).getDomAttribute("aria-pressed")).isEqualTo("false");
	}

	@Test
	void headerShowsWhoWatchedTheSession() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		openPaused(sessionId, 1000);
		WebElement count = waitFor().until(ExpectedConditions.elementToBeClickable(testId("watch-count")));
		assertThat(count.getText()).isEqualTo("Watched 1×");
		count.click();
		WebElement watcher = waitFor().until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("[data-testid=watchers-list] [data-testid=watcher]")));
		assertThat(watcher.getDomAttribute("data-username")).isEqualTo("admin");
		assertThat(watcher.getText()).contains("1×");
	}

	@Test
	void playerNeedsNothingThatItsContentSecurityPolicyForbids() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "errors-console");
		this.browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
				Map.of("source", "window.cspViolations = []; document.addEventListener('securitypolicyviolation',"
						+ " (event) => window.cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));"));
		openPaused(sessionId, 0);
		this.browser.findElement(testId("play-toggle")).click();
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "playing"));
		this.browser.findElement(testId("share")).click();
		waitFor().until(ExpectedConditions.visibilityOfElementLocated(testId("share-url")));
		assertThat((List<?>) this.browser.executeScript("return window.cspViolations")).isEmpty();
	}

	private String activeTag() {
		return (String) this.browser.executeScript("return document.activeElement.tagName");
	}

	private void press(CharSequence key) {
		new Actions(this.browser).sendKeys(key).perform();
	}

	private String fullscreenElement() {
		Object id = this.browser.executeScript("return document.fullscreenElement && document.fullscreenElement.id");
		return (id instanceof String text) ? text : null;
	}

	private boolean isInView(WebElement item) {
		return Boolean.TRUE.equals(this.browser.executeScript("""
				const list = document.querySelector('[data-testid=event-list]').getBoundingClientRect();
				const box = arguments[0].getBoundingClientRect();
				return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;""", item));
	}

	private void openPaused(String sessionId, long offsetMs) {
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=" + offsetMs + "&autoplay=0"));
		waitFor().until(ExpectedConditions.attributeToBe(By.id("player"), "data-state", "paused"));
		waitFor().until(ExpectedConditions.presenceOfElementLocated(testId("event-item")));
	}

	private WebDriverWait waitFor() {
		return BrowserPages.waitFor(this.browser);
	}

	private static By testId(String id) {
		return BrowserPages.testId(id);
	}

	private static String clock(long ms) {
		long seconds = ms / 1000;
		return (seconds / 60) + ":" + String.format("%02d", seconds % 60);
	}

	private void awaitKeyframes(String sessionId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (this.jdbc.sql("select count(*) from keyframe where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single() == 0) {
			assertThat(System.nanoTime()).as("keyframes stored in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private String replayedTextAt(String sessionId, long offsetMs) {
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=" + offsetMs + "&autoplay=0"));
		waitFor().until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		assertThat(frame.getDomAttribute("sandbox")).doesNotContain("allow-scripts");
		return BrowserPages.replayedText(this.browser);
	}

}
