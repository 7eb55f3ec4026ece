package dev.replay;

import java.io.File;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the machine's own Chromium and ChromeDriver (never a downloaded browser),
 * headless, either signed in to Replay with HTTP Basic on every request or without
 * credentials.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/**
	 * Start a browser that sends no credentials of its own, for tests that sign in
	 * through the web app's form.
	 * @return the browser
	 */
	public static ChromeDriver start() {
		return start(null);
	}

	/**
	 * Start a browser that sends the given {@code Authorization} header with every
	 * request.
	 * @param authorization the header's value, or {@code null} for none
	 * @return the browser
	 */
	public static ChromeDriver start(String authorization) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(envOr("REPLAY_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
				"--window-size=1280,900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(envOr("REPLAY_CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		if (authorization != null) {
			driver.executeCdpCommand("Network.enable", Map.of());
			driver.executeCdpCommand("Network.setExtraHTTPHeaders",
					Map.of("headers", Map.of("Authorization", authorization)));
		}
		return driver;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
