package dev.replay.api.player;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page goes back only to paths of the app itself, however {@code next} is
 * spelled; and the password forms of the account and users pages.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class SignInBrowserIntegrationTests {

	/**
	 * Values of {@code next} (as the page reads them, decoded once) that name another
	 * site or no page at all, each spelled the way browsers read it as another host: they
	 * drop tabs and newlines and read a backslash as a slash.
	 */
	static final String[] FOREIGN = { "/\t/other.example/", "/\n/other.example/", "/\r\n/other.example/",
			"/\\other.example/", "\\/other.example/", "//other.example/", " //other.example/", "\t//other.example/",
			"/.//other.example/", "https://other.example/", "HTTPS:other.example", "javascript:alert(document.domain)",
			"data:text/html,<script>alert(1)</script>", "http://[::1" };

	ReplayClient client;

	TestUsers users;

	ChromeDriver browser;

	@Test
	void goesBackOnlyToPathsOfTheApp() {
		signIn(this.users.create("viewer"), "/playlists?mine=true#top");
		waitFor().until(ExpectedConditions.urlToBe(this.client.url("/playlists?mine=true#top")));
		// signed in, the sign-in page goes on to next at once
		for (String next : FOREIGN) {
			this.browser.get(this.client.url("/login?next=" + encoded(next)));
			waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
			assertThat(this.browser.getCurrentUrl()).as("next=%s", next.replace("\t", "\\t").replace("\n", "\\n"))
				.isEqualTo(this.client.url("/"));
		}
		// what only looks odd stays a path of the app
		this.browser.get(this.client.url("/login?next=" + encoded("/%09/other.example/")));
		waitFor().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		assertThat(this.browser.getCurrentUrl()).isEqualTo(this.client.url("/%09/other.example/"));
	}

	@Test
	void changesOwnPasswordAndResetsAnotherUsersPassword() {
		TestUser admin = this.users.create("admin");
		TestUser viewer = this.users.create("viewer");
		signIn(admin, "/account");
		waitFor().until(ExpectedConditions.urlToBe(this.client.url("/account")));

		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("change-password")));
		this.browser.findElement(BrowserPages.testId("change-password"))
			.findElement(By.name("currentPassword"))
			.sendKeys(TestUsers.PASSWORD);
		this.browser.findElement(BrowserPages.testId("change-password"))
			.findElement(By.name("newPassword"))
			.sendKeys("the-admins-new-password");
		this.browser.findElement(BrowserPages.testId("change-password")).submit();
		waitFor().until(ExpectedConditions
			.textToBePresentInElementLocated(BrowserPages.testId("change-password-status"), "Password changed"));
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(admin.username(), "the-admins-new-password"))
			.statusCode()).isEqualTo(200);

		// still signed in: on to the users page
		this.browser.get(this.client.url("/admin/users"));
		waitFor().until(ExpectedConditions.elementToBeClickable(
				org.openqa.selenium.By.cssSelector("[aria-label='Reset the password of " + viewer.username() + "']")))
			.click();
		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("reset-password")));
		this.browser.findElement(BrowserPages.testId("reset-password"))
			.findElement(By.name("password"))
			.sendKeys("set-by-the-admin");
		this.browser.findElement(BrowserPages.testId("reset-password")).submit();
		waitFor().until(ExpectedConditions.textToBePresentInElementLocated(BrowserPages.testId("users-status"),
				"New password set"));
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(viewer.username(), "set-by-the-admin")).statusCode())
			.isEqualTo(200);
	}

	// the sign-in page's form, opened to go on to next
	private void signIn(TestUser user, String next) {
		this.browser.get(this.client.url("/login?next=" + encoded(next)));
		waitFor().until(ExpectedConditions.elementToBeClickable(BrowserPages.testId("sign-in")));
		this.browser.findElement(BrowserPages.testId("username")).sendKeys(user.username());
		this.browser.findElement(BrowserPages.testId("password")).sendKeys(TestUsers.PASSWORD);
		this.browser.findElement(BrowserPages.testId("sign-in")).click();
	}

	private static String encoded(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private WebDriverWait waitFor() {
		return BrowserPages.waitFor(this.browser);
	}

}
