package dev.replay.core.datadog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatadogReplayConverter}.
 */
class DatadogReplayConverterTests {

	private static final long CAPTURE_SLACK_MS = 80;

	@ParameterizedTest
	@ValueSource(strings = { "errors-console", "spa-router", "form-inputs" })
	void convertsEveryRecordOfTheRecordedSessions(String folder) {
		List<JsonNode> events = DatadogFixtures.convertFolder(folder);
		assertThat(events).isNotEmpty();
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("type").asInt()).isIn(2, 3, 4, 5);
			assertThat(event.path("timestamp").isIntegralNumber()).isTrue();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "errors-console", "spa-router", "form-inputs" })
	void beginsWithMetaThenFullSnapshot(String folder) {
		List<JsonNode> events = DatadogFixtures.convertFolder(folder);
		assertThat(events.get(0).path("type").asInt()).isEqualTo(4);
		assertThat(events.get(0).path("data").path("href").asString()).startsWith("http://127.0.0.1:8090/");
		assertThat(events.get(1).path("type").asInt()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "errors-console", "spa-router", "form-inputs" })
	void emitsMutationsThatReferOnlyToExistingNodes(String folder) {
		List<JsonNode> events = DatadogFixtures.convertFolder(folder);
		assertThat(events).anySatisfy((event) -> assertThat(isMutation(event)).isTrue());
		assertThat(ReplayDom.replay(events, Long.MAX_VALUE).problems()).isEmpty();
	}

	@Test
	void followsEachFullSnapshotOfAMultiViewSessionWithItsMeta() {
		List<JsonNode> events = DatadogFixtures.convertFolder("spa-router");
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).path("type").asInt() == 2) {
				assertThat(events.get(i - 1).path("type").asInt()).isEqualTo(4);
			}
		}
		assertThat(events).filteredOn((event) -> event.path("type").asInt() == 2).hasSize(8);
	}

	@Test
	void showsThePageTextAtTheScreenshotTimesOfARoutedApplication() {
		List<JsonNode> events = DatadogFixtures.convertFolder("spa-router");
		long start = DatadogFixtures.firstRecordTimestamp("spa-router");
		assertThat(bodyTextAt(events, start + 1424)).contains("Small things, made well.").contains("Featured");
		assertThat(bodyTextAt(events, start + 9882)).contains("Add to cart").doesNotContain("Small things");
		assertThat(bodyTextAt(events, start + 24986)).contains("About Nook")
			.contains("We are a tiny shop run by two people and a cat.");
	}

	@Test
	void showsThePageTextAtTheScreenshotTimesOfAPageWithErrors() {
		List<JsonNode> events = DatadogFixtures.convertFolder("errors-console");
		long start = DatadogFixtures.firstRecordTimestamp("errors-console");
		assertThat(bodyTextAt(events, start + 1244)).contains("ShopCo checkout").contains("Client log (0)");
		assertThat(bodyTextAt(events, start + 13032)).contains("uncaught TypeError");
	}

	@Test
	void keepsInputValuesMaskedAsRecorded() {
		List<JsonNode> events = DatadogFixtures.convertFolder("form-inputs");
		List<JsonNode> inputs = events.stream()
			.filter((event) -> event.path("type").asInt() == 3 && event.path("data").path("source").asInt() == 5)
			.toList();
		assertThat(inputs).isNotEmpty().allSatisfy((input) -> {
			assertThat(input.path("data").path("text").asString()).isIn("***", "on", "");
			assertThat(input.path("data").path("isChecked").isBoolean()).isTrue();
		});
		ReplayDom dom = ReplayDom.replay(events, Long.MAX_VALUE);
		assertThat(dom.elements("input")).filteredOn((input) -> "text".equals(input.attributes.get("type")))
			.isNotEmpty()
			.allSatisfy((input) -> {
				assertThat(input.value).isIn(null, "***");
				assertThat(input.attributes.get("value")).isIn(null, "***");
			});
		assertThat(dom.elements("textarea")).isNotEmpty()
			.allSatisfy((textarea) -> assertThat(textarea.value).isIn(null, "***"));
	}

	@Test
	void convertsTheV1AndTheChangeEncodingOfAPageToTheSameDocument() {
		List<JsonNode> v1 = DatadogFixtures.convertExample("browser-segment-v1.json");
		List<JsonNode> change = DatadogFixtures.convertExample("browser-segment-change.json");
		ReplayDom v1Snapshot = ReplayDom.replay(v1, 1700000000000L);
		ReplayDom changeSnapshot = ReplayDom.replay(change, 1700000000000L);
		assertThat(changeSnapshot.serialize()).isEqualTo(v1Snapshot.serialize()).contains("rr_width=300px");
		ReplayDom v1End = ReplayDom.replay(v1, Long.MAX_VALUE);
		ReplayDom changeEnd = ReplayDom.replay(change, Long.MAX_VALUE);
		assertThat(changeEnd.serialize()).isEqualTo(v1End.serialize()).contains("\"Thanks\"").contains("\"Paid\"");
		assertThat(changeEnd.problems()).isEmpty();
		assertThat(v1End.problems()).isEmpty();
	}

	@Test
	void continuesTheStringTableAndNodeIdsOfAViewInItsNextSegment() {
		String segment = new String(DatadogFixtures.resource("datadog/browser-segment-change.json"),
				StandardCharsets.UTF_8);
		JsonNode tree = DatadogFixtures.JSON.readTree(segment);
		List<JsonNode> records = new ArrayList<>();
		tree.path("records").forEach(records::add);
		String first = "{\"records\":" + records.subList(0, 4) + ",\"view\":{\"id\":\"v\"}}";
		String second = "{\"records\":" + records.subList(4, records.size()) + ",\"view\":{\"id\":\"v\"}}";
		List<JsonNode> events = DatadogFixtures
			.convert(List.of(first.getBytes(StandardCharsets.UTF_8), second.getBytes(StandardCharsets.UTF_8)));
		assertThat(ReplayDom.replay(events, Long.MAX_VALUE).serialize())
			.isEqualTo(ReplayDom.replay(DatadogFixtures.convertExample("browser-segment-change.json"), Long.MAX_VALUE)
				.serialize());
	}

	@Test
	void emitsDatadogOnlyRecordsAsCustomEvents() {
		List<JsonNode> events = DatadogFixtures.convertExample("browser-segment-v1.json");
		assertThat(events).noneSatisfy((event) -> assertThat(event.path("type").asInt()).isIn(6, 7, 8, 9));
		assertThat(events).filteredOn((event) -> event.path("type").asInt() == 5)
			.extracting((event) -> event.path("data").path("tag").asString())
			.containsExactly("focus", "visual-viewport", "view-end");
	}

	@Test
	void addsTheInputFieldsThatRrwebRequires() {
		List<JsonNode> events = convert(
				"{\"type\":3,\"timestamp\":2,\"data\":{\"source\":5,\"id\":4,\"isChecked\":true}}");
		assertThat(events.get(0).path("data").path("text").asString()).isEqualTo("on");
		assertThat(events.get(0).path("data").path("isChecked").asBoolean()).isTrue();
	}

	@Test
	void mapsPointerInteractionsToMouseAndTouchEvents() {
		List<JsonNode> events = convert(
				"{\"type\":3,\"timestamp\":2,\"data\":{\"source\":9,\"pointerEventType\":\"down\",\"pointerType\":\"touch\",\"pointerId\":1,\"x\":5,\"y\":6}}",
				"{\"type\":3,\"timestamp\":3,\"data\":{\"source\":9,\"pointerEventType\":\"move\",\"pointerType\":\"mouse\",\"pointerId\":1,\"x\":7,\"y\":8}}");
		assertThat(events.get(0).path("data").path("source").asInt()).isEqualTo(2);
		assertThat(events.get(0).path("data").path("type").asInt()).isEqualTo(7);
		assertThat(events.get(1).path("data").path("source").asInt()).isEqualTo(1);
		assertThat(events.get(1).path("data").path("positions").get(0).path("x").asInt()).isEqualTo(7);
	}

	@Test
	void passesUnknownRecordTypesThroughAsCustomEvents() {
		List<JsonNode> events = convert("{\"type\":42,\"timestamp\":2,\"data\":{\"a\":1}}");
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.path("type").asInt()).isEqualTo(5);
			assertThat(event.path("data").path("tag").asString()).isEqualTo("datadog-unknown");
			assertThat(event.path("data").path("payload").path("type").asInt()).isEqualTo(42);
		});
	}

	@Test
	void passesUnknownChangeKindsThroughAsCustomEvents() {
		List<JsonNode> events = convert(
				"{\"type\":2,\"timestamp\":1,\"format\":1,\"data\":[[1,[null,\"#document\"],[1,\"HTML\"]],[99,[1,2]]]}");
		assertThat(events.get(0).path("type").asInt()).isEqualTo(2);
		assertThat(events.get(1).path("data").path("tag").asString()).isEqualTo("datadog-unknown");
		assertThat(events.get(1).path("data").path("payload").get(0).asInt()).isEqualTo(99);
	}

	@Test
	void rejectsASegmentWithoutRecords() {
		assertThatExceptionOfType(DatadogFormatException.class).isThrownBy(() -> convertRaw("{\"view\":{}}"))
			.withMessageContaining("records");
	}

	@Test
	void rejectsASegmentThatIsNotJson() {
		assertThatExceptionOfType(DatadogFormatException.class).isThrownBy(() -> convertRaw("{\"records\":[{\"type\""))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void rejectsAChangeThatRefersToAnUnknownNode() {
		assertThatExceptionOfType(DatadogFormatException.class)
			.isThrownBy(() -> convert("{\"type\":12,\"timestamp\":1,\"data\":[[2,17]]}"))
			.withMessageContaining("unknown node 17");
	}

	static List<JsonNode> convert(String... records) {
		return DatadogFixtures
			.convert(List.of(("{\"records\":[" + String.join(",", records) + "]}\n").getBytes(StandardCharsets.UTF_8)));
	}

	private static void convertRaw(String segment) throws IOException {
		new DatadogReplayConverter().convertSegment(new ByteArrayInputStream(segment.getBytes(StandardCharsets.UTF_8)),
				(bytes) -> {
				});
	}

	private static String bodyTextAt(List<JsonNode> events, long timestamp) {
		return ReplayDom.replay(events, timestamp + CAPTURE_SLACK_MS).bodyText();
	}

	private static boolean isMutation(JsonNode event) {
		return event.path("type").asInt() == 3 && event.path("data").path("source").asInt() == 0;
	}

}
