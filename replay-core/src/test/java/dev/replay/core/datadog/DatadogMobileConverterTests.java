package dev.replay.core.datadog;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatadogMobileConverter} with the recorded mobile sessions.
 */
class DatadogMobileConverterTests {

	private static final String ANDROID_SHOP = "android-shop-login-list-detail";

	private static final String IOS_TRAVEL = "ios-travel-login-list-detail";

	private static final String IOS_WEBVIEW = "ios-ledger-webview-rotation";

	@ParameterizedTest
	@ValueSource(strings = { ANDROID_SHOP, IOS_TRAVEL, IOS_WEBVIEW, "android-real-fixture-screens" })
	void convertsEveryRecordOfTheRecordedSessions(String session) {
		List<JsonNode> events = convert(session);
		assertThat(events).isNotEmpty();
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.path("type").asInt()).isIn(2, 3, 4, 5);
			assertThat(event.path("timestamp").isIntegralNumber()).isTrue();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { ANDROID_SHOP, IOS_TRAVEL, IOS_WEBVIEW, "android-real-fixture-screens" })
	void beginsWithMetaThenFullSnapshot(String session) {
		List<JsonNode> events = convert(session);
		assertThat(events.get(0).path("type").asInt()).isEqualTo(4);
		assertThat(events.get(0).path("data").path("width").asInt()).isPositive();
		assertThat(events.get(0).path("data").path("href").asString()).startsWith("app://");
		assertThat(events.get(1).path("type").asInt()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { ANDROID_SHOP, IOS_TRAVEL, IOS_WEBVIEW, "android-real-fixture-screens" })
	void emitsMutationsThatReferOnlyToExistingNodes(String session) {
		List<JsonNode> events = convert(session);
		assertThat(ReplayDom.replay(events, Long.MAX_VALUE).problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { ANDROID_SHOP, IOS_TRAVEL, IOS_WEBVIEW, "android-real-fixture-screens" })
	void precedesEveryFullSnapshotWithAMeta(String session) {
		List<JsonNode> events = convert(session);
		for (int i = 0; i < events.size(); i++) {
			if (events.get(i).path("type").asInt() == 2) {
				assertThat(events.get(i - 1).path("type").asInt()).isEqualTo(4);
			}
		}
	}

	@Test
	void showsTheAppTextOfEachAndroidView() {
		List<JsonNode> events = convert(ANDROID_SHOP);
		assertThat(bodyTextAt(events, ANDROID_SHOP, 0, 1000)).contains("Welcome back to Shopist")
			.contains("Username")
			.contains("Forgot password?");
		assertThat(bodyTextAt(events, ANDROID_SHOP, 1, 500)).contains("Aurora Headphones")
			.contains("€129.00")
			.doesNotContain("Welcome back to Shopist");
		assertThat(bodyTextAt(events, ANDROID_SHOP, 2, 500)).contains("Chloé").contains("Ships in 2–3 days.");
	}

	@Test
	void showsTheTextTypedIntoALoginForm() {
		List<JsonNode> events = convert(ANDROID_SHOP);
		JsonNode login = DatadogFixtures.mobileManifest(ANDROID_SHOP).path("views").path(0);
		assertThat(ReplayDom.replay(events, login.path("start").asLong() + 2000).bodyText()).doesNotContain("ana.s");
		assertThat(ReplayDom.replay(events, login.path("start").asLong() + 6000).bodyText()).contains("ana.silva");
	}

	@Test
	void showsTheAppTextOfEachIosView() {
		List<JsonNode> events = convert(IOS_TRAVEL);
		assertThat(bodyTextAt(events, IOS_TRAVEL, 0, 500)).contains("Welcome to Roamly")
			.contains("Don’t have an account? Sign up");
		assertThat(bodyTextAt(events, IOS_TRAVEL, 1, 500)).contains("Kyoto in Autumn")
			.contains("12 – 19 Nov · 2 travellers");
		assertThat(bodyTextAt(events, IOS_TRAVEL, 2, 500)).contains("MKMapView").contains("Book Activity");
	}

	@Test
	void rendersImageWireframesAsImagesFromTheirResources() {
		List<JsonNode> events = convert(ANDROID_SHOP);
		long listStart = DatadogFixtures.mobileManifest(ANDROID_SHOP).path("views").path(1).path("start").asLong();
		List<String> sources = ReplayDom.replay(events, listStart + 500)
			.elements("img")
			.stream()
			.map((image) -> image.attributes.get("src"))
			.toList();
		assertThat(sources).contains(DatadogFixtures.RESOURCES + "a8ac8a3971078c5aab9fc8963e5397c8",
				DatadogFixtures.RESOURCES + "7b583eec66cb705bc74c022f009a82fd");
	}

	@Test
	void keepsMaskedTextMasked() {
		List<JsonNode> events = convert(IOS_WEBVIEW);
		assertThat(bodyTextAt(events, IOS_WEBVIEW, 0, 500)).contains("xxxx xx xxxx")
			.contains("xxxxxx xxxxxxx xxxxxx")
			.contains("Image");
		assertThat(bodyTextAt(convert(ANDROID_SHOP), ANDROID_SHOP, 0, 7000)).contains("***");
	}

	@Test
	void rendersTheWebPageInsideItsWebviewContainer() {
		List<JsonNode> events = convert(IOS_WEBVIEW);
		long helpCenter = DatadogFixtures.mobileManifest(IOS_WEBVIEW).path("views").path(1).path("start").asLong();
		ReplayDom help = ReplayDom.replay(events, helpCenter + 4000);
		ReplayDom.Node webview = help.elements("div")
			.stream()
			.filter((div) -> "13853102032".equals(div.attributes.get("data-slot-id")))
			.findFirst()
			.orElseThrow();
		assertThat(webview.children).singleElement()
			.satisfies((html) -> assertThat(html.attributes.get("class")).isEqualTo("dd-webview-html"));
		assertThat(help.bodyText()).contains("xxx xx x xxxxxx xx xxxxxxxxxxx");
		assertThat(events).filteredOn((event) -> event.path("type").asInt() == 2).hasSize(3);
		assertThat(events).filteredOn((event) -> event.path("type").asInt() == 4)
			.extracting((event) -> event.path("data").path("href").asString())
			.doesNotContain("https://help.ledgerly.example/?embedded=ios")
			.hasSize(3);
	}

	@Test
	void rendersTheDocumentedMobileSegment() {
		List<JsonNode> events = DatadogFixtures
			.convertMobile(List.of(DatadogFixtures.resource("datadog/mobile-segment.json")));
		JsonNode snapshot = events.get(1);
		assertThat(snapshot.path("type").asInt()).isEqualTo(2);
		JsonNode screen = snapshot.path("data").path("node").path("childNodes").path(1).path("childNodes").path(1);
		assertThat(screen.path("childNodes").path(0).path("attributes").path("id").asString()).isEqualTo("dd-screen");
		JsonNode wireframes = screen.path("childNodes").path(0).path("childNodes");
		assertThat(wireframes).hasSize(3);
		assertThat(wireframes.path(0).path("attributes").path("style").asString())
			.contains("background-color:rgba(255,255,255,1)");
		assertThat(wireframes.path(2).path("attributes").path("style").asString())
			.contains("clip-path:inset(0px 0px 20px 0px)")
			.contains("border:1px solid rgba(0,0,0,1)");
		ReplayDom dom = ReplayDom.replay(events, Long.MAX_VALUE);
		assertThat(dom.problems()).isEmpty();
		assertThat(dom.bodyText()).contains("Welcome back, Ana").contains("Content Image");
		assertThat(dom.elements("img")).isEmpty();
	}

	@Test
	void turnsTouchesIntoTouchInteractionsOnTheScreen() {
		List<JsonNode> events = DatadogFixtures
			.convertMobile(List.of(DatadogFixtures.resource("datadog/mobile-segment.json")));
		assertThat(events).filteredOn((event) -> event.path("data").path("source").asInt(-1) == 2)
			.extracting((event) -> event.path("data").path("type").asInt())
			.containsExactly(7, 9);
		assertThat(events).filteredOn((event) -> event.path("type").asInt() == 5)
			.extracting((event) -> event.path("data").path("tag").asString())
			.containsExactly("focus", "view-end");
	}

	@Test
	void passesUnknownRecordsOnAsCustomEvents() {
		List<JsonNode> events = convertJson("{\"records\":[{\"type\":42,\"timestamp\":5,\"data\":{}}]}");
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(event.path("data").path("tag").asString()).isEqualTo("datadog-unknown"));
	}

	@Test
	void passesBrowserRecordsWithoutASlotOnAsCustomEvents() {
		List<JsonNode> events = convertJson("{\"records\":[{\"type\":2,\"timestamp\":5,\"data\":{\"node\":{}}},"
				+ "{\"type\":3,\"timestamp\":6,\"data\":{\"source\":0}}]}");
		assertThat(events).extracting((event) -> event.path("data").path("tag").asString())
			.containsExactly("datadog-unknown", "datadog-unknown");
	}

	@Test
	void replacesAWireframeWhoseImageAppearsInAnUpdate() {
		List<JsonNode> events = convertJson(
				"{\"records\":[{\"type\":4,\"timestamp\":1,\"data\":{\"width\":100,\"height\":200}},"
						+ "{\"type\":10,\"timestamp\":1,\"data\":{\"wireframes\":[{\"id\":1,\"type\":\"image\",\"x\":0,"
						+ "\"y\":0,\"width\":10,\"height\":10,\"isEmpty\":true}]}},{\"type\":11,\"timestamp\":2,\"data\":"
						+ "{\"source\":0,\"adds\":[],\"removes\":[],\"updates\":[{\"id\":1,\"type\":\"image\","
						+ "\"resourceId\":\"abc\",\"shapeStyle\":{\"backgroundColor\":\"#102030\"}}]}}]}");
		ReplayDom dom = ReplayDom.replay(events, Long.MAX_VALUE);
		assertThat(dom.problems()).isEmpty();
		assertThat(dom.elements("img")).singleElement()
			.satisfies((image) -> assertThat(image.attributes.get("src")).isEqualTo(DatadogFixtures.RESOURCES + "abc"));
		assertThat(dom.serialize()).contains("background-color:rgb(16,32,48)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"records\":[{\"type\":10,\"timestamp\":1,\"data\":{}}]}", "{\"view\":{}}", "[1,",
			"{\"records\":[{\"type\":10,\"timestamp\":1,\"data\":{\"wireframes\":[]}},"
					+ "{\"type\":11,\"timestamp\":2,\"data\":{\"source\":0,\"adds\":[{\"wireframe\":{}}]}}]}" })
	void rejectsMalformedSegments(String segment) {
		assertThatExceptionOfType(DatadogFormatException.class).isThrownBy(() -> convertJson(segment));
	}

	private static List<JsonNode> convertJson(String segment) {
		return DatadogFixtures.convertMobile(List.of(segment.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<JsonNode> convert(String session) {
		return DatadogFixtures.convertMobile(DatadogFixtures.mobileSegments(session));
	}

	private static String bodyTextAt(List<JsonNode> events, String session, int view, long offset) {
		long start = DatadogFixtures.mobileManifest(session).path("views").path(view).path("start").asLong();
		return ReplayDom.replay(events, start + offset).bodyText();
	}

}
