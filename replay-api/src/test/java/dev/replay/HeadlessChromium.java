package dev.replay;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts the machine's own Chromium and ChromeDriver (never a downloaded browser),
 * headless and without credentials, which {@link #authorize} adds to every request of a
 * tab. Tests get the browser from {@link SharedChromium}.
 */
public final class HeadlessChromium {

	private HeadlessChromium() {
	}

	/**
	 * Start a browser that sends no credentials of its own.
	 * @return the browser
	 */
	public static ChromeDriver start() {
		return start((options) -> {
		});
	}

	/**
	 * Start a browser that sends no credentials of its own, with more command-line
	 * switches.
	 * @param switches the switches, such as a proxy for every request
	 * @return the browser
	 */
	public static ChromeDriver start(String... switches) {
		return start((options) -> options.addArguments(switches));
	}

	/**
	 * Start a browser that sends no credentials of its own, with options of the caller's
	 * added, for example a performance log.
	 * @param more adds to the options
	 * @return the browser
	 */
	public static ChromeDriver start(Consumer<ChromeOptions> more) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(envOr("REPLAY_CHROMIUM", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
				"--window-size=1280,900");
		more.accept(options);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(envOr("REPLAY_CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return driver;
	}

	/**
	 * Send the given {@code Authorization} header with every request of the browser's
	 * current tab, as HTTP Basic or a token would sign it in.
	 * @param browser the browser
	 * @param authorization the header's value, or {@code null} to send none from now on
	 */
	public static void authorize(ChromeDriver browser, @Nullable String authorization) {
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.setExtraHTTPHeaders",
				Map.of("headers", (authorization != null) ? Map.of("Authorization", authorization) : Map.of()));
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
