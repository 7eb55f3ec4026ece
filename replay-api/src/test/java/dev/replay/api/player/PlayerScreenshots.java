package dev.replay.api.player;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.RrwebCorpus;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Corpus recordings ingested and photographed in the player, for the fidelity tests.
 */
final class PlayerScreenshots {

	private PlayerScreenshots() {
	}

	/**
	 * Ingest a corpus recording as a new session.
	 * @param client the client
	 * @param recording {@code rrweb/<page>} or {@code datadog/<page>}
	 * @return the session id
	 */
	static String ingest(ReplayClient client, String recording) {
		String folder = recording.substring(recording.indexOf('/') + 1);
		if (recording.startsWith("datadog/")) {
			return DatadogRecordings.ingestBrowser(client, folder);
		}
		try {
			return RrwebCorpus.ingest(client, folder);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Open a session in the player at a moment, paused, and photograph the replay once
	 * its images and fonts are loaded.
	 * @param browser the browser
	 * @param client the client
	 * @param sessionId the session
	 * @param offsetMs milliseconds from the session's start
	 * @return the photograph of the replay area
	 * @throws IOException if the screenshot cannot be read
	 */
	static BufferedImage replayAt(ChromeDriver browser, ReplayClient client, String sessionId, long offsetMs)
			throws IOException {
		browser.get(client.url("/replays/" + sessionId + "?t=" + offsetMs + "&autoplay=0"));
		WebDriverWait wait = BrowserPages.waitFor(browser);
		wait.until(ExpectedConditions.attributeToBe(By.cssSelector("[data-state]"), "data-state", "paused"));
		wait.until((driver) -> Boolean.TRUE.equals(browser.executeScript("""
				const frame = document.querySelector('[data-testid=replay-viewport] iframe');
				const doc = frame && frame.contentDocument;
				return !!doc && Array.from(doc.images).every((image) => image.complete)
					&& doc.fonts.status === 'loaded';""")));
		WebElement viewport = browser.findElement(By.cssSelector("[data-testid=replay-viewport]"));
		return ImageIO.read(new ByteArrayInputStream(viewport.getScreenshotAs(OutputType.BYTES)));
	}

}
