package dev.replay.api.player;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.TestSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event list of a long session in a real browser: it names every event, but only the
 * rows in view and a margin around them are in the page, and scrolling, seeking and the
 * playhead bring the others in.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class LongEventListBrowserIntegrationTests {

	private static final int BUTTONS = 7;

	private static final int CLICKS = 3000;

	// far enough apart that no two clicks on a button count as one item
	private static final long CLICK_EVERY_MS = 1500;

	// the page view, then the clicks
	private static final int ITEMS = CLICKS + 1;

	private static final long START = 1_767_000_000_000L;

	ReplayClient client;

	ChromeDriver browser;

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	@Test
	void showsTheRowsInViewOfThousandsAndBringsTheOthersInWhenScrolledOrSeeked() throws Exception {
		String sessionId = recordClicks();
		BrowserPages.viewport(this.browser, 1280, 800);
		this.browser.get(this.client.url("/replays/" + sessionId + "?autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until(ExpectedConditions.textToBe(BrowserPages.testId("event-status"), ITEMS + " events"));
		List<WebElement> rows = this.browser.findElements(BrowserPages.testId("event-item"));
		assertThat(rows).as("the rows in the page").hasSizeBetween(20, 200);
		assertThat(rows.get(0).getDomAttribute("data-kind")).isEqualTo("view");
		assertThat(offset(rows.get(1))).isEqualTo(clickAt(0));
		WebElement firstRow = rows.get(0).findElement(By.xpath(".."));
		assertThat(firstRow.getDomAttribute("aria-setsize")).isEqualTo(String.valueOf(ITEMS));
		assertThat(firstRow.getDomAttribute("aria-posinset")).isEqualTo("1");
		assertThat(scrollHeight()).as("the list is as long as all its rows").isGreaterThan(ITEMS * 20L);

		// scrolled to its end, the list shows its last rows, and not its first (rows come
		// and go while it scrolls: each is looked up by its offset, and looked up again)
		this.browser.executeScript(
				"const list = document.getElementById('event-list');" + "list.scrollTop = list.scrollHeight;");
		wait.ignoring(StaleElementReferenceException.class);
		wait.until((driver) -> isInView(clickAt(CLICKS - 1)));
		assertThat(row(clickAt(CLICKS - 1)).findElement(By.xpath("..")).getDomAttribute("aria-posinset"))
			.isEqualTo(String.valueOf(ITEMS));
		assertThat(this.browser.findElements(BrowserPages.testId("event-item"))).hasSizeLessThan(200);
		assertThat(row(clickAt(0))).isNull();

		// a seek to the middle marks the item at the playhead, in view
		int middle = CLICKS / 2;
		long target = clickAt(middle) + 100;
		this.browser.executeScript("const seek = document.getElementById('seek'); seek.value = String(arguments[0]);"
				+ "seek.dispatchEvent(new Event('input', { bubbles: true }));", target);
		wait.until((driver) -> isCurrent(clickAt(middle)) && isInView(clickAt(middle)));
		assertThat(row(clickAt(middle)).findElement(By.xpath("..")).getDomAttribute("aria-posinset"))
			.isEqualTo(String.valueOf(middle + 2));
		assertThat(this.browser.findElements(By.cssSelector("[data-testid=event-item][aria-current=true]"))).hasSize(1);
		@SuppressWarnings("unchecked")
		List<Number> past = (List<Number>) this.browser
			.executeScript("return [...document.querySelectorAll('[data-testid=event-item].is-past')]"
					+ ".map((row) => Number(row.dataset.offset))");
		assertThat(past).as("the rows before the playhead in the page are past")
			.isNotEmpty()
			.allSatisfy((offset) -> assertThat(offset.longValue()).isLessThan(clickAt(middle)));

		// a row chosen seeks there
		row(clickAt(middle + 3)).click();
		wait.until((driver) -> BrowserPages.playerTime(this.browser) == clickAt(middle + 3));
		wait.until((driver) -> isCurrent(clickAt(middle + 3)));
		BrowserPages.screenshot(this.browser, "player-long-event-list.png");
	}

	private boolean isCurrent(long offset) {
		WebElement row = row(offset);
		return row != null && "true".equals(row.getDomAttribute("aria-current"));
	}

	private boolean isInView(long offset) {
		WebElement row = row(offset);
		return row != null && isInView(row);
	}

	// The row of the item at an offset, if it is in the page.
	private WebElement row(long offset) {
		return this.browser.findElements(By.cssSelector("[data-testid=event-item][data-offset='" + offset + "']"))
			.stream()
			.findFirst()
			.orElse(null);
	}

	// A session whose page has a few buttons, clicked one after the other.
	private String recordClicks() {
		TestSessions sessions = new TestSessions(this.client);
		StringJoiner buttons = new StringJoiner(",");
		for (int i = 0; i < BUTTONS; i++) {
			buttons.add("{\"type\":2,\"tagName\":\"button\",\"attributes\":{},\"childNodes\":[{\"type\":3,"
					+ "\"textContent\":\"Button " + i + "\",\"id\":" + (100 + i) + "}],\"id\":" + (10 + i) + "}");
		}
		StringJoiner events = new StringJoiner(",", "[", "]");
		events.add("{\"type\":4,\"timestamp\":" + START
				+ ",\"data\":{\"href\":\"https://shop.test/\",\"width\":1024,\"height\":768}}");
		events.add("{\"type\":2,\"timestamp\":" + (START + 1) + ",\"data\":{\"node\":{\"type\":0,\"childNodes\":["
				+ "{\"type\":2,\"tagName\":\"html\",\"attributes\":{},\"childNodes\":[{\"type\":2,\"tagName\":\"body\","
				+ "\"attributes\":{},\"childNodes\":[" + buttons + "],\"id\":3}],\"id\":2}],\"id\":1},"
				+ "\"initialOffset\":{\"left\":0,\"top\":0}}}");
		for (int i = 0; i < CLICKS; i++) {
			events.add("{\"type\":3,\"timestamp\":" + (START + clickAt(i)) + ",\"data\":{\"source\":2,\"type\":2,"
					+ "\"id\":" + (10 + i % BUTTONS) + ",\"x\":20,\"y\":20}}");
		}
		String sessionId = UUID.randomUUID().toString();
		String body = "{\"applicationId\":\"" + sessions.applicationId() + "\",\"sequence\":0,\"events\":" + events
				+ "}";
		HttpResponse<String> response = this.client.postSegment(sessionId, sessions.clientToken(),
				body.getBytes(StandardCharsets.UTF_8), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return sessionId;
	}

	private static long clickAt(int index) {
		return 1000 + index * CLICK_EVERY_MS;
	}

	private static long offset(WebElement row) {
		return Long.parseLong(row.getDomAttribute("data-offset"));
	}

	private long scrollHeight() {
		return ((Number) this.browser.executeScript("return document.getElementById('event-list').scrollHeight"))
			.longValue();
	}

	private boolean isInView(WebElement row) {
		return Boolean.TRUE.equals(this.browser.executeScript("""
				const list = document.getElementById('event-list').getBoundingClientRect();
				const box = arguments[0].getBoundingClientRect();
				return box.top >= list.top - 1 && box.bottom <= list.bottom + 1;""", row));
	}

}
