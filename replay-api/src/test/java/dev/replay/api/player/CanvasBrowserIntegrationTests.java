package dev.replay.api.player;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import javax.imageio.ImageIO;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SharedChromium;
import dev.replay.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page drawing on a 2D canvas, recorded by our recorder script with and without
 * {@code data-record-canvas}, and its drawing in the player, whose replayed page still
 * runs no script.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class CanvasBrowserIntegrationTests {

	private static final int FULL_SNAPSHOT = 2;

	private static final int INCREMENTAL_SNAPSHOT = 3;

	private static final int CANVAS_MUTATION = 9;

	// The color of the replayed canvas at (x, y), as [r, g, b, a], or null before it
	// exists.
	private static final String CANVAS_PIXEL = """
			const frame = document.querySelector('[data-testid=replay-viewport] iframe');
			const canvas = frame && frame.contentDocument && frame.contentDocument.querySelector('#chart');
			if (!canvas) { return null; }
			return Array.from(canvas.getContext('2d').getImageData(arguments[0], arguments[1], 1, 1).data);
			""";

	// Where (x, y) of the replayed canvas is in the player's window, in CSS pixels.
	private static final String CANVAS_ON_SCREEN = """
			const frame = document.querySelector('[data-testid=replay-viewport] iframe');
			const canvas = frame.contentDocument.querySelector('#chart').getBoundingClientRect();
			const box = frame.getBoundingClientRect();
			const scale = box.width / frame.offsetWidth;
			return [box.left + (canvas.left + arguments[0]) * scale, box.top + (canvas.top + arguments[1]) * scale];
			""";

	ReplayClient client;

	ChromeDriver browser;

	TestSite page;

	@AfterEach
	void stopPage() {
		if (this.page != null) {
			this.page.close();
		}
	}

	@Test
	void aCanvasRecordedAtTwoFramesASecondIsDrawnInTheReplayWithoutScriptsInTheReplayedPage() throws Exception {
		String sessionId = recordDrawing(" data-record-canvas=\"2\"");
		List<JsonNode> events = waitForEvents(sessionId, (all) -> !canvasMutations(all).isEmpty());
		List<JsonNode> mutations = canvasMutations(events);
		assertThat(mutations).allSatisfy(
				(mutation) -> assertThat(mutation.path("data").path("commands").toString()).contains("\"drawImage\"")
					.contains("image/webp"));
		long end = events.get(events.size() - 1).path("timestamp").asLong() - events.get(0).path("timestamp").asLong();

		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=" + end + "&autoplay=0"));
		wait.until((driver) -> "paused".equals(driver.findElement(By.id("player")).getDomAttribute("data-state")));
		String sandbox = this.browser.findElement(By.cssSelector("[data-testid=replay-viewport] iframe"))
			.getDomAttribute("sandbox");
		assertThat(sandbox).contains("allow-same-origin").doesNotContain("allow-scripts");

		// the red rectangle on the left, and the blue one drawn a second later, as read
		// from the
		// replayed canvas and as seen on the screen
		wait.until((driver) -> isColor(pixel(50, 50), 255, 0, 0) && isColor(pixel(150, 50), 0, 0, 255));
		wait.until((driver) -> isColor(onScreen(50, 50), 255, 0, 0) && isColor(onScreen(150, 50), 0, 0, 255));
		BrowserPages.screenshot(this.browser, "player-canvas.png");

		// back at the start, before anything was drawn, the canvas is empty again
		this.browser.get(this.client.url("/replays/" + sessionId + "?t=0&autoplay=0"));
		wait.until((driver) -> "paused".equals(driver.findElement(By.id("player")).getDomAttribute("data-state")));
		wait.until((driver) -> pixel(50, 50) != null);
		Thread.sleep(500);
		assertThat(pixel(50, 50).get(3)).isZero();
		assertThat(pixel(150, 50).get(3)).isZero();
	}

	@Test
	void withoutTheAttributeNoCanvasIsRecorded() throws Exception {
		String sessionId = recordDrawing("");
		List<JsonNode> events = waitForEvents(sessionId,
				(all) -> all.stream().anyMatch((event) -> event.path("type").asInt() == FULL_SNAPSHOT));
		assertThat(canvasMutations(events)).isEmpty();
		assertThat(events.toString()).doesNotContain("rr_dataURL");
	}

	// Loads a page whose canvas gets a red rectangle shortly after the page has loaded
	// (after the
	// full snapshot) and a blue one a second later, records it, and returns the session's
	// id.
	private String recordDrawing(String canvasAttribute) throws Exception {
		JsonNode application = this.client.createApplication("canvas recorder");
		this.page = TestSite.page(recordedPage(application.path("id").asString(),
				application.path("clientToken").asString(), canvasAttribute));
		this.browser.get(this.page.origin() + "/");
		WebDriverWait wait = BrowserPages.waitFor(this.browser);
		wait.until((driver) -> Boolean.TRUE
			.equals(((ChromeDriver) driver).executeScript("return !!window.ReplayRecorder && window.drawn === 2")));
		// a few frames at 2 per second after the last drawing
		Thread.sleep(1500);
		this.browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ " window.ReplayRecorder.flush().then(() => done(true), () => done(false));");
		String sessionId = (String) this.browser.executeScript("return sessionStorage.getItem('replay.session')"
				+ " && JSON.parse(sessionStorage.getItem('replay.session')).id");
		assertThat(sessionId).isNotBlank();
		return sessionId;
	}

	private List<JsonNode> waitForEvents(String sessionId, Predicate<List<JsonNode>> complete)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		List<JsonNode> events = new ArrayList<>();
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
			events.clear();
			if (response.statusCode() == 200) {
				ReplayClient.json(response.body()).forEach(events::add);
				if (complete.test(events)) {
					return events;
				}
			}
			Thread.sleep(300);
		}
		throw new AssertionError("The events of session " + sessionId + " never arrived: " + events.size());
	}

	private static List<JsonNode> canvasMutations(List<JsonNode> events) {
		return events.stream()
			.filter((event) -> event.path("type").asInt() == INCREMENTAL_SNAPSHOT
					&& event.path("data").path("source").asInt() == CANVAS_MUTATION)
			.toList();
	}

	// The color on the screen at (x, y) of the replayed canvas, through the replay's
	// scale.
	@SuppressWarnings("unchecked")
	private List<Long> onScreen(int x, int y) {
		List<Number> point = (List<Number>) this.browser.executeScript(CANVAS_ON_SCREEN, x, y);
		try {
			BufferedImage screen = ImageIO
				.read(new ByteArrayInputStream(this.browser.getScreenshotAs(OutputType.BYTES)));
			int rgb = screen.getRGB((int) Math.round(point.get(0).doubleValue()),
					(int) Math.round(point.get(1).doubleValue()));
			return List.of((long) (rgb >> 16 & 0xff), (long) (rgb >> 8 & 0xff), (long) (rgb & 0xff), 255L);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private List<Long> pixel(int x, int y) {
		return (List<Long>) this.browser.executeScript(CANVAS_PIXEL, x, y);
	}

	// WebP at quality 0.6 is lossy: close to the color and opaque is enough.
	private static boolean isColor(List<Long> rgba, int red, int green, int blue) {
		return rgba != null && Math.abs(rgba.get(0) - red) < 40 && Math.abs(rgba.get(1) - green) < 40
				&& Math.abs(rgba.get(2) - blue) < 40 && rgba.get(3) > 200;
	}

	private String recordedPage(String applicationId, String token, String canvasAttribute) {
		return """
				<!doctype html>
				<html><head><meta charset="utf-8"><title>Chart</title>
				<script src="%s/sdk/recorder.js" data-application-id="%s" data-token="%s"%s></script>
				</head><body>
				<h1>Chart</h1>
				<canvas id="chart" width="200" height="100"></canvas>
				<script>
				  window.drawn = 0;
				  window.addEventListener('load', () => {
				    const context = document.getElementById('chart').getContext('2d');
				    setTimeout(() => {
				      context.fillStyle = '#ff0000';
				      context.fillRect(0, 0, 100, 100);
				      window.drawn = 1;
				    }, 800);
				    setTimeout(() => {
				      context.fillStyle = '#0000ff';
				      context.fillRect(100, 0, 100, 100);
				      window.drawn = 2;
				    }, 1800);
				  });
				</script>
				</body></html>
				""".formatted(this.client.url(""), applicationId, token, canvasAttribute);
	}

}
