package dev.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Owns the machine's Chromium and the {@link CorpusSite} for the browser tests: both
 * start with the first test that needs them, serve every browser test class of the test
 * JVM, and stop when its last test is done. Every instance field of type
 * {@link ChromeDriver} is set to the browser, which each test finds on a blank tab of its
 * own, without the cookies, storage, cache, extra headers or device metrics of the tests
 * before it and without credentials ({@link HeadlessChromium#authorize} sends some).
 */
public final class SharedChromium implements TestInstancePostProcessor, BeforeEachCallback {

	private static final Namespace NAMESPACE = Namespace.create(SharedChromium.class);

	private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);

	@Override
	public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws IllegalAccessException {
		ChromeDriver driver = browser(context).driver();
		for (Field field : ReflectionSupport.findFields(testInstance.getClass(), SharedChromium::isBrowser,
				HierarchyTraversalMode.TOP_DOWN)) {
			field.setAccessible(true);
			field.set(testInstance, driver);
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		int port = SpringExtension.getApplicationContext(context)
			.getEnvironment()
			.getRequiredProperty("local.server.port", Integer.class);
		browser(context).clean("http://localhost:" + port);
	}

	private static boolean isBrowser(Field field) {
		int modifiers = field.getModifiers();
		return !Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && field.getType() == ChromeDriver.class;
	}

	private static Browser browser(ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Browser.class, (key) -> Browser.start(), Browser.class);
	}

	/**
	 * The browser and the site, closed by JUnit with the store of the test JVM's root
	 * context, after its last test.
	 */
	private static final class Browser implements AutoCloseable {

		private final CorpusSite site;

		private ChromeDriver driver;

		private Browser(CorpusSite site, ChromeDriver driver) {
			this.site = site;
			this.driver = driver;
		}

		static Browser start() {
			try {
				return new Browser(CorpusSite.start(), HeadlessChromium.start());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		ChromeDriver driver() {
			return this.driver;
		}

		/**
		 * Leave the browser on a fresh blank tab, the others closed, with nothing kept
		 * from earlier tests; start it again if it no longer answers.
		 * @param origin the origin of the application under test, whose storage is
		 * cleared
		 */
		void clean(String origin) {
			try {
				newTab();
			}
			catch (WebDriverException ex) {
				quit();
				this.driver = HeadlessChromium.start();
				newTab();
			}
			// cookies and cache are the browser's, storage the origin's
			this.driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
			this.driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
			this.driver.executeCdpCommand("Storage.clearDataForOrigin",
					Map.of("origin", origin, "storageTypes", "all"));
			this.driver.manage().timeouts().scriptTimeout(SCRIPT_TIMEOUT);
		}

		// a tab of its own has none of the extra headers, device metrics, scripts and
		// session storage that earlier tests gave theirs
		private void newTab() {
			String fresh = this.driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
			for (String handle : this.driver.getWindowHandles()) {
				if (!handle.equals(fresh)) {
					this.driver.switchTo().window(handle).close();
				}
			}
			this.driver.switchTo().window(fresh);
		}

		private void quit() {
			try {
				this.driver.quit();
			}
			catch (WebDriverException ex) {
				// it was gone already
			}
		}

		@Override
		public void close() {
			quit();
			this.site.close();
		}

	}

}
