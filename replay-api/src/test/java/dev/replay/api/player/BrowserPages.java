package dev.replay.api.player;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests of the web app share: finding elements by their test hook,
 * waiting for them, sizing the page, reading the replay and saving screenshots under
 * {@code target/screenshots}.
 */
final class BrowserPages {

	private BrowserPages() {
	}

	static By testId(String id) {
		return By.cssSelector("[data-testid='" + id + "']");
	}

	/**
	 * A wait of up to a minute, long enough for a page of a loaded machine.
	 * @param browser the browser
	 * @return the wait
	 */
	static WebDriverWait waitFor(ChromeDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	/**
	 * The text of the replayed page, as the player's viewport shows it.
	 * @param browser the browser on a player page
	 * @return the text of the replay's body
	 */
	static String replayedText(ChromeDriver browser) {
		WebElement frame = browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"));
		browser.switchTo().frame(frame);
		String text = browser.findElement(By.tagName("body")).getText();
		browser.switchTo().defaultContent();
		return text;
	}

	/**
	 * Give the page exactly this size in CSS pixels, as a screen of that size would.
	 * @param browser the browser
	 * @param width the width
	 * @param height the height
	 */
	static void viewport(ChromeDriver browser, int width, int height) {
		browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
	}

	static void screenshot(ChromeDriver browser, String name) throws Exception {
		Path directory = Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * The player's position in ms, as its seek bar holds it.
	 * @param browser the browser on a player page
	 * @return the position
	 */
	static long playerTime(ChromeDriver browser) {
		return Long.parseLong(browser.findElement(testId("seek")).getDomProperty("value"));
	}

}
