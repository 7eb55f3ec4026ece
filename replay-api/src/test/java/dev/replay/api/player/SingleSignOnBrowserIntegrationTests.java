package dev.replay.api.player;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import dev.replay.HeadlessChromium;
import dev.replay.OpenIdProvider;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SingleSignOnSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single sign-on journey in Chromium: from a deep link to the sign-in page, through
 * the provider's own sign-in form, back to the page asked for, signed in.
 */
@ReplayIntegrationTest
class SingleSignOnBrowserIntegrationTests extends SingleSignOnSetup {

	ChromeDriver browser;

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void signsInWithTheProviderAndLandsOnTheSessionList() throws Exception {
		String name = "kim-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(claims(name, "replay-editors"));
		this.browser = HeadlessChromium.start();

		this.browser.get(url("/sessions"));
		waitFor().until(ExpectedConditions.urlContains("/login?next=%2Fsessions"));
		waitFor().until(ExpectedConditions.textToBe(testId("sso-sign-in"), "Sign in with " + PROVIDER_NAME));
		assertThat(this.browser.findElement(testId("username")).isDisplayed()).as("passwords still work").isTrue();
		screenshot("app-sign-in-sso.png");
		this.browser.findElement(testId("sso-sign-in")).click();

		waitFor().until(ExpectedConditions.urlContains(provider().issuer() + "/login"));
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(OpenIdProvider.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();

		waitFor().until(ExpectedConditions.urlToBe(url("/sessions")));
		waitFor().until(ExpectedConditions.textToBe(testId("current-role"), "editor"));
		assertThat(this.browser.findElement(testId("current-user")).getText()).contains(name);
		screenshot("app-signed-in-sso.png");
	}

	@Test
	void saysWhenSingleSignOnFailed() {
		this.browser = HeadlessChromium.start();

		this.browser.get(url("/login/oauth2/code/sso?error=access_denied&state=unknown"));

		waitFor().until(ExpectedConditions.urlToBe(url("/login?error=sso")));
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(testId("sign-in-status"),
				"Single sign-on did not work"));
	}

	private WebDriverWait waitFor() {
		return new WebDriverWait(this.browser, Duration.ofSeconds(60));
	}

	private static By testId(String id) {
		return By.cssSelector("[data-testid='" + id + "']");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String name) throws Exception {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), this.browser.getScreenshotAs(OutputType.BYTES));
	}

}
