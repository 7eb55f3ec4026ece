package dev.replay.core.rum;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RumEventReaderTests {

	private static final Path REQUESTS = Path.of("..", "test-corpus", "datadog", "errors-console", "requests");

	private static final String APP = "4f6f3b7a-0c1e-4c7b-9a5e-2d8f1e6b9c01";

	@Test
	void readsEveryEventOfTheRecordedBatchesWithTheirTypedFields() throws IOException {
		RumBatchReader.Summary summary = readRum(Files.readAllBytes(REQUESTS.resolve("0003.body.txt")));
		assertThat(summary.skipped()).isZero();
		assertThat(summary.events()).hasSize(summary.lines());
		RumEvent payment = summary.events()
			.stream()
			.filter((event) -> event.error() != null && "Error".equals(event.error().type()))
			.findFirst()
			.orElseThrow();
		assertThat(payment.error().message()).isEqualTo("Payment declined: insufficient funds (code 51)");
		assertThat(payment.error().source()).isEqualTo("source");
		assertThat(payment.eventKey()).isEqualTo("fa03fe12-a7f2-484a-bb24-d5853807f943");
		assertThat(payment.timeMs()).isEqualTo(1795731312863L);
		assertThat(payment.sessionId()).isEqualTo("5c3a1f05-14be-4012-9b69-982c5bb57f6f");
		assertThat(payment.context().anonymousId()).isEqualTo("615e46be-0f04-4410-9296-5658c9da34f7");
		RumEvent errorClick = summary.events()
			.stream()
			.filter((event) -> event.action() != null && "Apply coupon (TypeError)".equals(event.action().name()))
			.findFirst()
			.orElseThrow();
		assertThat(errorClick.action().frustrationTypes()).containsExactly("error_click");
		assertThat(errorClick.durationMs()).isEqualTo(9.0);
		RumEvent view = summary.events()
			.stream()
			.filter((event) -> "view".equals(event.type()))
			.findFirst()
			.orElseThrow();
		assertThat(view.documentVersion()).isPositive();
		assertThat(view.timings().loadingTimeMs()).isEqualTo(447.0);
		assertThat(view.timings().firstContentfulPaintMs()).isEqualTo(280.0);
	}

	@Test
	void readsResourcesAndLongTasksInMilliseconds() throws IOException {
		List<RumEvent> events = readRum(Files.readAllBytes(REQUESTS.resolve("0005.body.txt"))).events();
		RumEvent failed = events.stream()
			.filter((event) -> event.resource() != null && Integer.valueOf(500).equals(event.resource().status()))
			.findFirst()
			.orElseThrow();
		assertThat(failed.resource().url()).isEqualTo("http://127.0.0.1:8090/api/fail");
		assertThat(failed.resource().method()).isEqualTo("GET");
		assertThat(failed.resource().size()).isEqualTo(48);
		assertThat(failed.durationMs()).isEqualTo(91.6);
		RumEvent task = events.stream().filter((event) -> "long_task".equals(event.type())).findFirst().orElseThrow();
		assertThat(task.durationMs()).isEqualTo(309.8);
	}

	@Test
	void skipsAndCountsLinesThatAreNotValidRumEvents() throws IOException {
		String batch = String.join("\n", event("error", "s-1", "1000"), "", "nope", "[]", event("error", "s 1", "1000"),
				event("Error", "s-1", "1000"), event("error", "s-1", "\"1000\""), event("error", "s-1", "0"),
				"{\"type\":\"error\",\"date\":5,\"session\":{\"id\":\"s-1\"},"
						+ "\"application\":{\"id\":\"not-a-uuid\"}}");
		RumBatchReader.Summary summary = readRum(batch.getBytes(StandardCharsets.UTF_8));
		assertThat(summary.lines()).isEqualTo(8);
		assertThat(summary.skipped()).isEqualTo(7);
		assertThat(summary.events()).singleElement()
			.satisfies((event) -> assertThat(event.sessionId()).isEqualTo("s-1"));
		assertThat(RumBatchReader.read(new ByteArrayInputStream(batch.getBytes(StandardCharsets.UTF_8))).skipped())
			.as("a log batch only skips what is not a JSON object")
			.isEqualTo(2);
	}

	@Test
	void skipsEventsDatedOutsideEpochMillisAndLinksOnlyValidSessionIds() throws IOException {
		String batch = String.join("\n", event("error", "s-1", "1000000000000000000"),
				event("error", "s-2", "1180591620717411303424"), event("error", "s-3", "-5"),
				event("error", "s\\u00004", "1000"));
		RumBatchReader.Summary summary = readRum(batch.getBytes(StandardCharsets.UTF_8));
		assertThat(summary.lines()).isEqualTo(4);
		assertThat(summary.skipped()).isEqualTo(4);
		assertThat(summary.sessionIds()).containsExactlyInAnyOrder("s-1", "s-2", "s-3");
	}

	@Test
	void leavesOutNumbersTooLargeForTheirFields() throws IOException {
		String line = "{\"type\":\"resource\",\"date\":1000,\"session\":{\"id\":\"s-1\"},\"application\":{\"id\":\""
				+ APP + "\"},\"_dd\":{\"document_version\":1180591620717411303424},"
				+ "\"resource\":{\"status_code\":946684800000,\"size\":1.5e308}}";
		RumBatchReader.Summary summary = readRum(line.getBytes(StandardCharsets.UTF_8));
		assertThat(summary.events()).singleElement().satisfies((event) -> {
			assertThat(event.resource().status()).isNull();
			assertThat(event.resource().size()).isNull();
			assertThat(event.documentVersion()).isNull();
		});
	}

	@Test
	void readsTheConsolePluginsMessagesAndUnhandledErrorsAndNavigations() {
		RumEvent warning = fromRrweb("""
				{"type":6,"timestamp":2000,"data":{"plugin":"rrweb/console@1","payload":{"level":"warn",
				"trace":["f@http://a/app.js:1:2"],"payload":["\\"low stock\\"","3"]}}}""");
		assertThat(warning.type()).isEqualTo("console");
		assertThat(warning.error().message()).isEqualTo("low stock 3");
		assertThat(warning.error().level()).isEqualTo("warn");
		assertThat(warning.error().stack()).isEqualTo("f@http://a/app.js:1:2");
		RumEvent uncaught = fromRrweb("""
				{"type":6,"timestamp":2100,"data":{"plugin":"rrweb/console@1","payload":{"level":"error",
				"trace":[],"payload":["\\"Uncaught Error: boom\\""]}}}""");
		assertThat(uncaught.type()).isEqualTo("error");
		assertThat(uncaught.error().source()).isEqualTo("source");
		assertThat(uncaught.error().message()).isEqualTo("Uncaught Error: boom");
		RumEvent logged = fromRrweb("""
				{"type":6,"timestamp":2200,"data":{"plugin":"rrweb/console@1","payload":{"level":"error",
				"trace":[],"payload":["\\"failed\\""]}}}""");
		assertThat(logged.type()).isEqualTo("error");
		assertThat(logged.error().source()).isEqualTo("console");
		RumEvent navigation = fromRrweb(
				"""
						{"type":5,"timestamp":2300,"data":{"tag":"navigation","payload":{"url":"http://a/b#c","kind":"pushState"}}}""");
		assertThat(navigation.type()).isEqualTo("view");
		assertThat(navigation.view().url()).isEqualTo("http://a/b#c");
		assertThat(navigation.timeMs()).isEqualTo(2300);
		assertThat(fromRrweb("{\"type\":4,\"timestamp\":1,\"data\":{\"href\":\"http://a/\"}}").view().url())
			.isEqualTo("http://a/");
		assertThat(RumEventReader.fromRrweb(bytes("{\"type\":3,\"timestamp\":1,\"data\":{\"source\":1}}"), "s", APP))
			.isNull();
		assertThat(RumEventReader.fromRrweb(bytes("{\"type\":6,\"timestamp\":1,\"data\":{\"plugin\":\"other\"}}"), "s",
				APP))
			.isNull();
	}

	@Test
	void readsTheRequestsOurRecorderRecordedAtTheTimeTheyStarted() {
		RumEvent request = fromRrweb("""
				{"type":5,"timestamp":1700000002500,"data":{"tag":"replay.resource","payload":{"kind":"xhr",
				"method":"GET","url":"http://a/api?token=***","status":200,"startTime":1700000002000,
				"duration":480.5,"requestSize":0,"responseSize":42}}}""");
		assertThat(request.type()).isEqualTo("resource");
		assertThat(request.timeMs()).isEqualTo(1700000002000L);
		assertThat(request.durationMs()).isEqualTo(480.5);
		assertThat(request.resource())
			.isEqualTo(new RumEvent.Resource("http://a/api?token=***", "GET", 200, "xhr", 42L));
		assertThat(request.raw()).contains("\"requestSize\":0");
		RumEvent failed = fromRrweb("""
				{"type":5,"timestamp":1700000002500,"data":{"tag":"replay.resource","payload":{"kind":"fetch",
				"method":"POST","url":"http://down/","status":0,"startTime":1700000009000,"responseSize":null,
				"failure":"error"}}}""");
		assertThat(failed.timeMs()).as("a start after the event is not believed").isEqualTo(1700000002500L);
		assertThat(failed.resource().status()).isZero();
		assertThat(failed.resource().size()).isNull();
		assertThat(failed.durationMs()).isNull();
	}

	@Test
	void readsTheClicksAndLongTasksOurRecorderRecorded() {
		RumEvent click = fromRrweb("""
				{"type":5,"timestamp":1700000003000,"data":{"tag":"replay.action","payload":{"name":"Add to cart",
				"target":"button"}}}""");
		assertThat(click.type()).isEqualTo("action");
		assertThat(click.action()).isEqualTo(new RumEvent.Action("click", "Add to cart", List.of()));
		assertThat(click.timeMs()).isEqualTo(1700000003000L);
		RumEvent task = fromRrweb("""
				{"type":5,"timestamp":1700000004000,"data":{"tag":"replay.long_task","payload":
				{"startTime":1700000003700,"duration":212.4}}}""");
		assertThat(task.type()).isEqualTo("long_task");
		assertThat(task.timeMs()).isEqualTo(1700000003700L);
		assertThat(task.durationMs()).isEqualTo(212.4);
	}

	@Test
	void keepsWhatOurRecorderSaysItCapturesWhenItNamesOnlyKnownKinds() {
		RumEvent capture = fromRrweb("""
				{"type":5,"timestamp":1700000001000,"data":{"tag":"replay.capture","payload":
				{"kinds":["resource","action","long_task"]}}}""");
		assertThat(capture.type()).isEqualTo("capture");
		for (String payload : List.of("{}", "{\"kinds\":[]}", "{\"kinds\":\"resource\"}",
				"{\"kinds\":[\"resource\",\"view\"]}", "{\"kinds\":[1]}")) {
			assertThat(RumEventReader.fromRrweb(bytes(
					"{\"type\":5,\"timestamp\":1,\"data\":{\"tag\":\"replay.capture\",\"payload\":" + payload + "}}"),
					"s", APP))
				.as(payload)
				.isNull();
		}
		assertThat(RumEventReader
			.fromRrweb(bytes("{\"type\":5,\"timestamp\":1,\"data\":{\"tag\":\"checkout\",\"payload\":{}}}"), "s", APP))
			.isNull();
	}

	private static RumEvent fromRrweb(String json) {
		RumEvent event = RumEventReader.fromRrweb(bytes(json.replace("\n", "")), "s-1", APP);
		assertThat(event).isNotNull();
		return event;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String event(String type, String sessionId, String date) {
		return "{\"type\":\"" + type + "\",\"date\":" + date + ",\"session\":{\"id\":\"" + sessionId
				+ "\"},\"application\":{\"id\":\"" + APP + "\"}}";
	}

	private static RumBatchReader.Summary readRum(byte[] batch) throws IOException {
		return RumBatchReader.readRum(new ByteArrayInputStream(batch));
	}

}
