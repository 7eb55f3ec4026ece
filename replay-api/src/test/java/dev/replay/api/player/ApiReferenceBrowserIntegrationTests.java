package dev.replay.api.player;

import java.time.Duration;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page links to the API reference that the application serves.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class ApiReferenceBrowserIntegrationTests {

	ReplayClient client;

	TestUsers users;

	ChromeDriver browser;

	@Test
	void accountPageLinksToTheApiReference() {
		HeadlessChromium.authorize(this.browser, this.users.create("viewer").basic());
		this.browser.get(this.client.url("/account"));
		WebDriverWait wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
		WebElement reference = wait
			.until(ExpectedConditions.visibilityOfElementLocated(BrowserPages.testId("api-reference")));
		reference.findElement(By.linkText("API reference")).click();
		WebElement title = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".swagger-ui .info .title")));
		assertThat(title.getText()).startsWith("Replay API");
	}

}
