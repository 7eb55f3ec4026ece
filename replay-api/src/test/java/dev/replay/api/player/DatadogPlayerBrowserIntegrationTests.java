package dev.replay.api.player;

import dev.replay.DatadogRecordings;
import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class DatadogPlayerBrowserIntegrationTests {

	private static final String RECORDING = "errors-console";

	ReplayClient client;

	ChromeDriver browser;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void showsDatadogRecordingAsItWasAtScreenshotTime() throws Exception {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, RECORDING);
		long errorsShownAt = TestCorpus.browserManifest(RECORDING)
			.path("screenshots")
			.get(1)
			.path("timestampMs")
			.asLong();
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=" + errorsShownAt + "&autoplay=0"));
		BrowserPages.waitFor(this.browser)
			.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		String pageText = BrowserPages.replayedText(this.browser);
		BrowserPages.screenshot(this.browser, "player-datadog-errors-console-errors-shown.png");
		assertThat(pageText).contains("Something went wrong. Our engineers have been notified.")
			.contains("handled: Unexpected end of JSON input");
	}

	@Test
	void showsMobileRecordingInDeviceFrame() throws Exception {
		String sessionId = DatadogRecordings.ingestMobile(this.client, "android-shop-login-list-detail");
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=2000&autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		wait.until(ExpectedConditions.attributeContains(By.id("player"), "class", "is-mobile"));
		String appText = BrowserPages.replayedText(this.browser);
		BrowserPages.screenshot(this.browser, "player-datadog-android-login.png");
		assertThat(appText).contains("Welcome back to Shopist");
		assertThat(this.browser.findElement(By.id("player")).getDomAttribute("data-source")).isEqualTo("android");
	}

}
