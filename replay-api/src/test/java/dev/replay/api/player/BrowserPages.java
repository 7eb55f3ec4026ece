package dev.replay.api.player;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the browser tests of the web app share: finding elements by their test hook,
 * sizing the page and saving screenshots under {@code target/screenshots}.
 */
final class BrowserPages {

	private BrowserPages() {
	}

	static By testId(String id) {
		return By.cssSelector("[data-testid='" + id + "']");
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
