package dev.replay.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.replay.core.datadog.DatadogReplayConverter;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scanner and the rewriter over the recordings of the test corpus, whose pages and
 * assets are in {@code test-corpus/site}.
 */
class AssetCorpusTests {

	private static final Path RECORDINGS = Path.of("..", "test-corpus", "rrweb");

	private static final Path DATADOG_RECORDINGS = Path.of("..", "test-corpus", "datadog");

	private static final String SITE = "http://127.0.0.1:8090";

	private static final String CAPTURED = "https://replay.example/api/v1/assets/";

	@Test
	void findsTheImagesOfTheLongArticle() {
		List<AssetReference> expected = new ArrayList<>();
		expected.add(image("/assets/gen/landscape.png"));
		IntStream.rangeClosed(1, 8).forEach((n) -> expected.add(image("/assets/gen/figure-" + n + ".png")));
		assertThat(scan("long-article").references()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void findsTheProductImagesThatTheSinglePageAppAdds() {
		List<AssetReference> expected = IntStream.rangeClosed(1, 12)
			.mapToObj((n) -> image("/assets/gen/thumb-%02d.png".formatted(n)))
			.toList();
		assertThat(scan("spa-router").references()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void findsTheStyleSheetThatALinkIsSwitchedTo() {
		// rrweb inlines the linked sheets of the snapshot and drops their href; the theme
		// switch then sets the inlined link's href
		assertThat(scan("css-animation").references())
			.containsExactly(new AssetReference(SITE + "/assets/theme-sunset.css", AssetKind.STYLESHEET));
	}

	@ParameterizedTest
	@ValueSource(strings = { "dashboard", "errors-console", "form-inputs" })
	void findsNothingOnPagesWithoutAssets(String page) {
		// these pages link only common.css, which rrweb inlines, and load only scripts
		assertThat(scan(page).references()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "css-animation", "long-article", "spa-router" })
	void rewritesEveryReferenceInEveryEvent(String page) {
		AssetScanner scanner = scan(page);
		Map<String, String> captured = new HashMap<>();
		scanner.references().forEach((reference) -> captured.put(reference.url(), CAPTURED + captured.size()));
		AssetScanner rescanner = new AssetScanner();
		int rewrittenEvents = 0;
		for (byte[] event : events(page)) {
			byte[] rewritten = AssetUrlRewriter.rewriteEvent(event, captured::get);
			String text = new String(rewritten, StandardCharsets.UTF_8);
			if (rewritten != event) {
				rewrittenEvents++;
				assertThat(RecordingJson.mapper().readTree(rewritten).path("type").asInt())
					.isEqualTo(RecordingJson.mapper().readTree(event).path("type").asInt());
			}
			else {
				assertThat(captured.values()).noneSatisfy((replacement) -> assertThat(text).contains(replacement));
			}
			assertThat(captured.keySet()).noneSatisfy((url) -> assertThat(text).contains(url));
			rescanner.scan(rewritten);
		}
		assertThat(rewrittenEvents).isPositive();
		assertThat(rescanner.references()).extracting(AssetReference::url)
			.containsExactlyInAnyOrderElementsOf(captured.values());
	}

	@ParameterizedTest
	@CsvSource({ "css-animation, /assets/common.css /assets/theme-ocean.css", "long-article, /assets/common.css",
			"spa-router, /assets/common.css" })
	void findsTheSameAssetsAndTheLinkedStyleSheetsInTheDatadogRecordingOfAPage(String page, String styleSheets)
			throws IOException {
		// Datadog keeps the href of the links whose sheet it inlines
		List<AssetReference> expected = new ArrayList<>(scan(page).references());
		for (String styleSheet : styleSheets.split(" ")) {
			expected.add(new AssetReference(SITE + styleSheet, AssetKind.STYLESHEET));
		}
		AssetScanner scanner = new AssetScanner();
		DatadogReplayConverter converter = new DatadogReplayConverter();
		for (Path segment : datadogSegments(page)) {
			try (InputStream in = Files.newInputStream(segment)) {
				converter.convertSegment(in, scanner::scan);
			}
		}
		assertThat(scanner.references()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void rewritesTheImagesOfAFullSnapshot() {
		byte[] snapshot = events("long-article").stream()
			.filter((event) -> RrwebEventReader.typeOf(event) == 2)
			.findFirst()
			.orElseThrow();
		byte[] rewritten = AssetUrlRewriter.rewriteEvent(snapshot,
				(url) -> url.endsWith("/landscape.png") ? "/api/v1/assets/landscape" : null);
		List<String> sources = new ArrayList<>();
		RecordingJson.mapper()
			.readTree(rewritten)
			.at("/data/node")
			.findValues("src")
			.forEach((src) -> sources.add(src.asString()));
		assertThat(sources).contains("/api/v1/assets/landscape", SITE + "/assets/gen/figure-1.png")
			.doesNotContain(SITE + "/assets/gen/landscape.png");
		assertThat(new String(rewritten, StandardCharsets.UTF_8)).doesNotContain("landscape.png");
		assertThat(rewritten.length - snapshot.length)
			.isEqualTo("/api/v1/assets/landscape".length() - (SITE + "/assets/gen/landscape.png").length());
	}

	private static AssetScanner scan(String page) {
		AssetScanner scanner = new AssetScanner();
		events(page).forEach(scanner::scan);
		assertThat(scanner.limitReached()).isFalse();
		return scanner;
	}

	// the inflated segments of a Datadog recording, in the order they were recorded
	private static List<Path> datadogSegments(String page) throws IOException {
		Path folder = DATADOG_RECORDINGS.resolve(page);
		JsonNode manifest = RecordingJson.mapper().readTree(Files.readAllBytes(folder.resolve("manifest.json")));
		List<JsonNode> segments = new ArrayList<>();
		manifest.path("segmentList").forEach(segments::add);
		segments.sort(Comparator.comparingLong((segment) -> segment.path("start").asLong()));
		return segments.stream().map((segment) -> folder.resolve(segment.path("segmentJson").asString())).toList();
	}

	private static AssetReference image(String path) {
		return new AssetReference(SITE + path, AssetKind.IMAGE);
	}

	private static List<byte[]> events(String page) {
		Path folder = RECORDINGS.resolve(page);
		try {
			JsonNode manifest = RecordingJson.mapper().readTree(Files.readAllBytes(folder.resolve("manifest.json")));
			List<byte[]> events = new ArrayList<>();
			for (JsonNode batch : manifest.path("batches")) {
				try (InputStream body = Files.newInputStream(folder.resolve(batch.path("bodyFile").asString()))) {
					RrwebEventReader.readArray(body).stream().map(RawEvent::json).forEach(events::add);
				}
			}
			assertThat(events).isNotEmpty();
			return events;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the corpus recording " + folder, ex);
		}
	}

}
