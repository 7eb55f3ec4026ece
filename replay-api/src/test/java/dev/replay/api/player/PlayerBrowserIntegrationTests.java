package dev.replay.api.player;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.replay.CorpusSite;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class PlayerBrowserIntegrationTests {

	static CorpusSite site;

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void serveRecordedSite() throws Exception {
		site = CorpusSite.start();
	}

	@AfterAll
	static void stopSite() {
		site.close();
	}

	@BeforeEach
	void startBrowser() {
		this.browser = HeadlessChromium.start(ReplayClient.ADMIN_BASIC);
	}

	@AfterEach
	void stopBrowser() {
		this.browser.quit();
	}

	@Test
	void showsRecordedPageAsItWasAtScreenshotTime() throws Exception {
		String sessionId = RrwebCorpus.ingest(new ReplayClient(this.port), "errors-console");
		long errorsShownAt = RrwebCorpus.manifest("errors-console")
			.path("screenshots")
			.get(1)
			.path("timestampMs")
			.asLong();
		String pageText = replayedTextAt(sessionId, errorsShownAt);
		assertThat(pageText).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input")
			.contains("(14)");
		screenshot("player-errors-console-errors-shown.png");
	}

	@Test
	void showsRecordedPageAtScreenshotTimeFromItsStoredKeyframe() throws Exception {
		String sessionId = RrwebCorpus.ingest(new ReplayClient(this.port), "errors-console");
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
		String sessionId = RrwebCorpus.ingest(new ReplayClient(this.port), "errors-console");
		long initialAt = RrwebCorpus.manifest("errors-console").path("screenshots").get(0).path("timestampMs").asLong();
		String pageText = replayedTextAt(sessionId, initialAt);
		assertThat(pageText).contains("ShopCo checkout").doesNotContain("handled: Unexpected end of JSON input");
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
		this.browser.get("http://localhost:" + this.port + "/replays/" + sessionId + "?t=" + offsetMs + "&autoplay=0");
		new WebDriverWait(this.browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		assertThat(frame.getDomAttribute("sandbox")).doesNotContain("allow-scripts");
		this.browser.switchTo().frame(frame);
		String text = this.browser.findElement(By.tagName("body")).getText();
		this.browser.switchTo().defaultContent();
		return text;
	}

	private void screenshot(String name) throws Exception {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
