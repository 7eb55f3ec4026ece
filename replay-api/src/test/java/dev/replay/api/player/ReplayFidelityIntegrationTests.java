package dev.replay.api.player;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import dev.replay.HeadlessChromium;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ScreenshotComparison;
import dev.replay.SharedChromium;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens every corpus recording, rrweb and Datadog, in the player at each moment its
 * original page was photographed, and compares the replay with the photograph.
 */
@ReplayIntegrationTest
@ExtendWith(SharedChromium.class)
class ReplayFidelityIntegrationTests {

	/** The most pixels that may differ; README states the figures measured. */
	static final double MAX_DIFFERING_SHARE = 0.05;

	/**
	 * Known differences, each with its own bound so that any other regression still
	 * fails. long-article's near-top screenshot shows two lines of text the user had
	 * selected some 20 s before, which the replay does not show (about 0.048): the
	 * Datadog SDK does not record selections, and the replay does not show the one rrweb
	 * records. The Datadog replay of css-animation's restyled moment differs more (about
	 * 0.44) because the Datadog SDK does not record most of the restyle: nothing in its
	 * recording tells that a {@code <style>}'s text was replaced (the dark theme), nor
	 * the adopted sheet's replaceSync() or the rule's setProperty(). The changes it does
	 * record (inserted and deleted rules, the style media toggle, the link's new href)
	 * are converted as rrweb records them and show in the replay, from the session start
	 * as from the keyframe (KeyframeBrowserFidelityIntegrationTests).
	 */
	static final Map<String, Double> KNOWN_DIFFERENCES = Map.of("datadog/css-animation/restyled", 0.50,
			"rrweb/long-article/near-top", 0.08, "datadog/long-article/near-top", 0.08);

	static final Path REPORT = Path.of("target", "fidelity", "fidelity.tsv");

	static final Map<String, String> SESSIONS = new ConcurrentHashMap<>();

	ReplayClient client;

	ChromeDriver browser;

	@BeforeAll
	static void startReport() throws IOException {
		Files.createDirectories(REPORT.getParent());
		Files.writeString(REPORT, "recording\tscreenshot\tt_ms\tdiffering_share\n");
	}

	@BeforeEach
	void signInAsAdmin() {
		HeadlessChromium.authorize(this.browser, ReplayClient.ADMIN_BASIC);
	}

	static List<Arguments> screenshots() {
		List<Arguments> cases = new ArrayList<>();
		for (String recording : TestCorpus.pageRecordings()) {
			for (JsonNode screenshot : TestCorpus.manifest(recording).path("screenshots")) {
				cases.add(Arguments.of(recording, screenshot.path("label").asString(),
						screenshot.path("file").asString(), screenshot.path("timestampMs").asLong()));
			}
		}
		return cases;
	}

	@ParameterizedTest(name = "{0} at {1}")
	@MethodSource("screenshots")
	void replayLooksLikeTheOriginalPage(String recording, String label, String file, long offsetMs) throws IOException {
		String sessionId = SESSIONS.computeIfAbsent(recording, (name) -> PlayerScreenshots.ingest(this.client, name));
		BufferedImage replay = PlayerScreenshots.replayAt(this.browser, this.client, sessionId, offsetMs);
		BufferedImage original = ImageIO.read(TestCorpus.ROOT.resolve(recording).resolve(file).toFile());
		double share = ScreenshotComparison.differingShare(original, replay);
		Files.writeString(REPORT, String.format(Locale.ROOT, "%s\t%s\t%d\t%.4f%n", recording, label, offsetMs, share),
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		ImageIO.write(replay, "png",
				REPORT.getParent().resolve(recording.replace('/', '-') + "-" + label + ".png").toFile());
		double bound = KNOWN_DIFFERENCES.getOrDefault(recording + "/" + label, MAX_DIFFERING_SHARE);
		assertThat(share).as("share of differing pixels of %s at %s", recording, label).isLessThan(bound);
	}

}
