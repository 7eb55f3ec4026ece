package dev.replay.api.player;

import java.time.Duration;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page links to the API reference that the application serves.
 */
@ReplayIntegrationTest
class ApiReferenceBrowserIntegrationTests {

	@LocalServerPort
	int port;

	ChromeDriver browser;

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void accountPageLinksToTheApiReference() {
		TestUser viewer = new TestUsers(new ReplayClient(this.port)).create("viewer");
		this.browser = HeadlessChromium.start(viewer.basic());
		this.browser.get("http://localhost:" + this.port + "/account");
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		WebElement reference = wait
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("api-reference")));
		reference.findElement(By.linkText("API reference")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
		assertThat(this.browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText())
			.startsWith("Replay API");
	}

}
