package dev.replay.api.player;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.replay.CorpusSite;
import dev.replay.DatadogRecordings;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ingest.testsupport.TestCorpus;
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

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class DatadogPlayerBrowserIntegrationTests {

	private static final String RECORDING = "errors-console";

	static CorpusSite site;

	@LocalServerPort
	int port;

	ChromeDriver browser;

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
	void showsDatadogRecordingAsItWasAtScreenshotTime() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(new ReplayClient(this.port), RECORDING);
		long errorsShownAt = TestCorpus.browserManifest(RECORDING)
			.path("screenshots")
			.get(1)
			.path("timestampMs")
			.asLong();
		this.browser
			.get("http://localhost:" + this.port + "/replays/" + sessionId + "?t=" + errorsShownAt + "&autoplay=0");
		new WebDriverWait(this.browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		this.browser.switchTo().frame(frame);
		String pageText = this.browser.findElement(By.tagName("body")).getText();
		this.browser.switchTo().defaultContent();
		screenshot("player-datadog-errors-console-errors-shown.png");
		assertThat(pageText).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input");
	}

	@Test
	void showsMobileRecordingInDeviceFrame() throws Exception {
		String sessionId = DatadogRecordings.ingestMobile(new ReplayClient(this.port),
				"android-shop-login-list-detail");
		this.browser.get("http://localhost:" + this.port + "/replays/" + sessionId + "?t=2000&autoplay=0");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(60));
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		wait.until(ExpectedConditions.attributeContains(By.id("player"), "class", "is-mobile"));
		WebElement frame = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		this.browser.switchTo().frame(frame);
		String appText = this.browser.findElement(By.tagName("body")).getText();
		this.browser.switchTo().defaultContent();
		screenshot("player-datadog-android-login.png");
		assertThat(appText).contains("Welcome back to Shopist");
		assertThat(this.browser.findElement(By.id("player")).getDomAttribute("data-source")).isEqualTo("android");
	}

	private void screenshot(String name) throws Exception {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
