package dev.replay.api.player;

import java.util.UUID;

import dev.replay.OpenIdProvider;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.SingleSignOnSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The single sign-on journey in Chromium: from a deep link to the sign-in page, through
 * the provider's own sign-in form, back to the page asked for, signed in.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class SingleSignOnBrowserIntegrationTests extends SingleSignOnSetup {

	ChromeDriver browser;

	@Test
	void signsInWithTheProviderAndLandsOnTheSessionList() throws Exception {
		String name = "kim-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(claims(name, "replay-editors"));

		this.browser.get(this.client.url("/sessions"));
		waitFor().until(ExpectedConditions.urlContains("/login?next=%2Fsessions"));
		waitFor()
			.until(ExpectedConditions.textToBe(BrowserPages.testId("sso-sign-in"), "Sign in with " + PROVIDER_NAME));
		assertThat(this.browser.findElement(BrowserPages.testId("username")).isDisplayed()).as("passwords still work")
			.isTrue();
		BrowserPages.screenshot(this.browser, "app-sign-in-sso.png");
		this.browser.findElement(BrowserPages.testId("sso-sign-in")).click();

		waitFor().until(ExpectedConditions.urlContains(provider().issuer() + "/login"));
		this.browser.findElement(By.id("username")).sendKeys(login);
		this.browser.findElement(By.id("password")).sendKeys(OpenIdProvider.PASSWORD);
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();

		waitFor().until(ExpectedConditions.urlToBe(this.client.url("/sessions")));
		waitFor().until(ExpectedConditions.textToBe(BrowserPages.testId("current-role"), "editor"));
		assertThat(this.browser.findElement(BrowserPages.testId("current-user")).getText()).contains(name);
		BrowserPages.screenshot(this.browser, "app-signed-in-sso.png");
	}

	@Test
	void saysWhenSingleSignOnFailed() {
		this.browser.get(this.client.url("/login/oauth2/code/sso?error=access_denied&state=unknown"));

		waitFor().until(ExpectedConditions.urlToBe(this.client.url("/login?error=sso")));
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(BrowserPages.testId("sign-in-status"),
				"Single sign-on did not work"));
	}

	private WebDriverWait waitFor() {
		return BrowserPages.waitFor(this.browser);
	}

}
