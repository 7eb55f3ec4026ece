package dev.replay.core.timeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import dev.replay.core.rrweb.RrwebEventReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rrweb recordings of the repository's test corpus: events in the order their batches
 * were posted, and the moments their screenshots were taken.
 */
final class CorpusRecordings {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, List<JsonNode>> EVENTS = new ConcurrentHashMap<>();

	private static final Path ROOT = Path.of("..", "test-corpus", "rrweb");

	private CorpusRecordings() {
	}

	static List<String> pages() {
		try (Stream<Path> pages = Files.list(ROOT)) {
			return pages.filter(Files::isDirectory).map((page) -> page.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<JsonNode> events(String page) {
		return EVENTS.computeIfAbsent(page, CorpusRecordings::readEvents);
	}

	private static List<JsonNode> readEvents(String page) {
		List<JsonNode> events = new ArrayList<>();
		for (JsonNode batch : manifest(page).path("batches")) {
			read(ROOT.resolve(page).resolve(batch.path("bodyFile").asString())).forEach(events::add);
		}
		return List.copyOf(events);
	}

	static List<RawEvent> rawEvents(String page) {
		return events(page).stream().map(RrwebEventReader::toRawEvent).toList();
	}

	/**
	 * Return the screenshots' labels and times, in milliseconds after the first event.
	 */
	static List<Screenshot> screenshots(String page) {
		List<Screenshot> screenshots = new ArrayList<>();
		manifest(page).path("screenshots")
			.forEach((shot) -> screenshots
				.add(new Screenshot(page, shot.path("label").asString(), shot.path("timestampMs").asLong())));
		return screenshots;
	}

	static JsonNode manifest(String page) {
		return read(ROOT.resolve(page).resolve("manifest.json"));
	}

	private static JsonNode read(Path path) {
		try {
			return JSON.readTree(Files.readAllBytes(path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Screenshot(String page, String label, long offset) {

		@Override
		public String toString() {
			return this.page + "@" + this.label;
		}

	}

}
