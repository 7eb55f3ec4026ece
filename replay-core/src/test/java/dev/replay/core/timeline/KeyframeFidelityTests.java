package dev.replay.core.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.replay.core.dom.PageState;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.CorpusRecordings.Screenshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A keyframe built at a screenshot's time shows what the recording shows when played from
 * its start to that time, and the events after it lead to the recording's final page.
 */
class KeyframeFidelityTests {

	static Stream<Screenshot> screenshots() {
		return CorpusRecordings.pages().stream().flatMap((page) -> CorpusRecordings.screenshots(page).stream());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("screenshots")
	void keyframeShowsThePageAsPlayedFromTheStart(Screenshot screenshot) {
		List<JsonNode> events = CorpusRecordings.events(screenshot.page());
		int next = indexAfter(events, screenshot.offset());
		List<JsonNode> keyframe = keyframeAt(events, next);
		assertThat(ReplayedPage.of(keyframe).render()).isEqualTo(ReplayedPage.of(events.subList(0, next)).render());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("screenshots")
	void keyframeAndTheEventsAfterItEndOnTheFinalPage(Screenshot screenshot) {
		List<JsonNode> events = CorpusRecordings.events(screenshot.page());
		int next = indexAfter(events, screenshot.offset());
		List<JsonNode> resumed = new ArrayList<>(keyframeAt(events, next));
		resumed.addAll(events.subList(next, events.size()));
		assertThat(ReplayedPage.of(resumed).render()).isEqualTo(ReplayedPage.of(events).render());
	}

	@Test
	void keyframeHoldsTheErrorsShownOnThePage() {
		List<JsonNode> events = CorpusRecordings.events("errors-console");
		Screenshot shown = CorpusRecordings.screenshots("errors-console")
			.stream()
			.filter((screenshot) -> screenshot.label().equals("errors-shown"))
			.findFirst()
			.orElseThrow();
		List<JsonNode> keyframe = keyframeAt(events, indexAfter(events, shown.offset()));
		assertThat(ReplayedPage.of(keyframe).visibleText()).contains("handled: Unexpected end of JSON input");
	}

	static int indexAfter(List<JsonNode> events, long offset) {
		long until = events.get(0).path("timestamp").asLong() + offset;
		int next = 0;
		while (next < events.size() && events.get(next).path("timestamp").asLong() <= until) {
			next++;
		}
		return next;
	}

	static List<JsonNode> keyframeAt(List<JsonNode> events, int next) {
		PageState state = new PageState();
		List<RawEvent> raw = events.stream().map(dev.replay.core.rrweb.RrwebEventReader::toRawEvent).toList();
		for (RawEvent event : raw.subList(0, next)) {
			PageEvents.apply(state, RrwebKeyframeCodec.INSTANCE.decode(event));
		}
		return RrwebKeyframeCodec.INSTANCE.encode(state.snapshot(), raw.get(next - 1).timestamp())
			.stream()
			.map((event) -> CorpusRecordings.JSON.readTree(event.json()))
			.toList();
	}

}
