package dev.replay.api.session;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class SessionRumIntegrationTests {

	private static final String ERRORS = "errors-console";

	ReplayClient client;

	@BeforeEach
	void createClient() {
		DatadogRecordings.createApplications(this.client);
	}

	@Test
	void acceptsEveryRumRequestOfTheCorpusWithoutSkippingALine() {
		int rumRequests = 0;
		for (String folder : TestCorpus.browserRecordings()) {
			for (CapturedRequest request : TestCorpus.browserRequests(folder)) {
				HttpResponse<String> response = DatadogRecordings.send(this.client, withoutAcceptEncoding(request));
				assertThat(response.statusCode()).as(request + ": " + response.body()).isEqualTo(202);
				if (isRum(request)) {
					rumRequests++;
					assertThat(ReplayClient.json(response.body()).path("skipped").asInt()).as(request.name()).isZero();
				}
			}
			String sessionId = TestCorpus.browserSessionId(folder);
			assertThat(allEvents(sessionId, null)).as(folder).isNotEmpty();
		}
		assertThat(rumRequests).isGreaterThan(TestCorpus.browserRecordings().size());
	}

	@Test
	void listsTheErrorsThatTheRecordedPageThrewWithTheirMessagesAndOffsets() throws IOException {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, ERRORS);
		List<JsonNode> errors = allEvents(sessionId, "error");
		Set<String> sentIds = corpusIds(ERRORS, "error");
		assertThat(errors).hasSize(sentIds.size());
		assertThat(errors).extracting((error) -> error.path("error").path("message").asString())
			.contains("Payment declined: insufficient funds (code 51)", "Invalid array length",
					"Cannot read properties of null (reading 'code')", "coupon lookup failed 404");
		long duration = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body())
			.path("durationMs")
			.asLong();
		long sessionStart = TestCorpus.browserManifest(ERRORS).path("firstRecordTimestamp").asLong();
		for (JsonNode error : errors) {
			assertThat(error.path("offsetMs").asLong()).isBetween(0L, duration);
			assertThat(error.path("offsetMs").asLong()).isEqualTo(error.path("timestamp").asLong() - sessionStart);
			assertThat(sentIds).contains(error.path("raw").path("error").path("id").asString());
			assertThat(error.path("error").path("source").asString()).isIn("source", "console", "custom");
		}
		JsonNode payment = errors.stream()
			.filter((error) -> error.path("error").path("message").asString().startsWith("Payment declined"))
			.findFirst()
			.orElseThrow();
		assertThat(payment.path("error").path("stack").asString()).startsWith("Error: Payment declined");
		assertThat(allEvents(sessionId, "console")).isNotEmpty()
			.allSatisfy((console) -> assertThat(console.path("error").path("source").asString()).isEqualTo("console"));
	}

	@Test
	void findsTheSessionByErrorMessageByActionNameAndByHavingErrorsAndRageClicks() {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, ERRORS);
		assertThat(sessionIds("error=" + encode("PAYMENT declined"))).contains(sessionId);
		assertThat(sessionIds("error=" + encode("no error says this"))).doesNotContain(sessionId);
		assertThat(sessionIds("error=" + encode("100%"))).doesNotContain(sessionId);
		assertThat(sessionIds("action=" + encode("track order"))).contains(sessionId);
		assertThat(sessionIds("action=" + encode("Payment declined"))).doesNotContain(sessionId);
		assertThat(sessionIds("hasErrors=true")).contains(sessionId);
		assertThat(sessionIds("hasRageClicks=true")).contains(sessionId);
		String quiet = DatadogRecordings.ingestBrowser(this.client, "long-article");
		assertThat(sessionIds("error=" + encode("payment"))).doesNotContain(quiet);
	}

	@Test
	void listsTheRecordedRageClicksAsActionsWithTheirFrustrationTypes() throws IOException {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, ERRORS);
		List<JsonNode> actions = allEvents(sessionId, "action");
		assertThat(actions).hasSize(corpusIds(ERRORS, "action").size());
		List<JsonNode> rage = actions.stream()
			.filter((action) -> contains(action.path("action").path("frustrationTypes"), "rage_click"))
			.toList();
		assertThat(rage).isNotEmpty();
		assertThat(rage.get(0).path("action").path("name").asString()).isEqualTo("Track order (does nothing)");
		assertThat(contains(rage.get(0).path("action").path("frustrationTypes"), "dead_click")).isTrue();
		JsonNode summary = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum/summary").body());
		assertThat(summary.path("rageClickCount").asInt()).isEqualTo(rage.size());
		assertThat(summary.path("errorCount").asInt()).isEqualTo(corpusIds(ERRORS, "error").size());
		assertThat(summary.path("errorClickCount").asInt()).isPositive();
		assertThat(summary.path("firstUrl").asString()).contains("/errors-console.html");
		assertThat(summary.path("user").path("anonymousId").asString())
			.isEqualTo("615e46be-0f04-4410-9296-5658c9da34f7");
	}

	@Test
	void keepsTheLatestVersionOfEachViewWithItsTimings() {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, ERRORS);
		List<JsonNode> views = allEvents(sessionId, "view");
		assertThat(views).hasSize(1);
		JsonNode view = views.get(0);
		assertThat(view.path("raw").path("_dd").path("document_version").asInt()).isEqualTo(9);
		assertThat(view.path("timings").path("loadingTimeMs").asDouble()).isEqualTo(447.0);
		assertThat(view.path("timings").path("largestContentfulPaintMs").asDouble()).isEqualTo(280.0);
		assertThat(view.path("timings").path("cumulativeLayoutShift").asDouble()).isZero();
		assertThat(view.path("timings").path("interactionToNextPaintMs").asDouble()).isEqualTo(320.0);
		List<JsonNode> resources = allEvents(sessionId, "resource");
		JsonNode failed = resources.stream()
			.filter((resource) -> resource.path("resource").path("status").asInt() == 500)
			.findFirst()
			.orElseThrow();
		assertThat(failed.path("resource").path("url").asString()).endsWith("/api/fail");
		assertThat(failed.path("resource").path("method").asString()).isEqualTo("GET");
		assertThat(failed.path("durationMs").asDouble()).isPositive();
		assertThat(allEvents(sessionId, "long_task")).isNotEmpty()
			.allSatisfy((task) -> assertThat(task.path("durationMs").asDouble()).isPositive());
	}

	@Test
	void storesARetriedRequestOnceAndTheSameEventsUnderAnotherRequestIdOnce() {
		String sessionId = UUID.randomUUID().toString();
		String body = event("error", sessionId, 1_700_000_000_000L, "\"error\":{\"id\":\"e1\",\"message\":\"boom\"}")
				+ "\n" + event("action", sessionId, 1_700_000_000_500L,
						"\"action\":{\"id\":\"a1\",\"type\":\"click\",\"target\":{\"name\":\"Buy\"}}");
		String requestId = UUID.randomUUID().toString();
		JsonNode first = ReplayClient.json(postRum(requestId, body).body());
		JsonNode again = ReplayClient.json(postRum(requestId, body).body());
		assertThat(first.path("stored").asInt()).isOne();
		assertThat(again.path("stored").asInt()).isZero();
		assertThat(again.path("duplicates").asInt()).isOne();
		assertThat(postRum(UUID.randomUUID().toString(), body).statusCode()).isEqualTo(202);
		assertThat(allEvents(sessionId, null)).hasSize(2);
		JsonNode summary = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum/summary").body());
		assertThat(summary.path("errorCount").asInt()).isOne();
		assertThat(summary.path("actionCount").asInt()).isOne();
	}

	@Test
	void skipsAndCountsBadLinesAndKeepsTheRest() {
		String sessionId = UUID.randomUUID().toString();
		String body = String.join("\n",
				event("error", sessionId, 1_700_000_000_000L, "\"error\":{\"id\":\"e1\",\"message\":\"kept\"}"),
				"not json", "[1, 2]",
				"{\"type\":\"error\",\"date\":1700000000000,\"error\":{\"message\":\"no session\"}}",
				event("error", "not a valid session id!", 1_700_000_000_000L, "\"error\":{\"message\":\"bad id\"}"),
				event("Error Type", sessionId, 1_700_000_000_000L, ""),
				"{\"type\":\"error\",\"session\":{\"id\":\"" + sessionId + "\"},\"application\":{\"id\":\""
						+ TestCorpus.BROWSER_APPLICATION + "\"},\"date\":\"yesterday\"}",
				event("error", sessionId, 1_700_000_000_001L,
						"\"error\":{\"id\":\"e2\",\"message\":\"nul \\u0000 inside\"}"));
		HttpResponse<String> response = postRum(UUID.randomUUID().toString(), body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		assertThat(ReplayClient.json(response.body()).path("skipped").asInt()).isEqualTo(6);
		List<JsonNode> events = allEvents(sessionId, null);
		assertThat(events).extracting((event) -> event.path("error").path("message").asString())
			.containsExactly("kept", "nul \uFFFD inside");
	}

	@Test
	void pagesThroughTheEventsInTimeOrder() {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, ERRORS);
		List<JsonNode> all = allEvents(sessionId, null);
		List<JsonNode> paged = new ArrayList<>();
		String cursor = "";
		int pages = 0;
		do {
			JsonNode page = ReplayClient
				.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?limit=7&cursor=" + encode(cursor))
					.body());
			page.path("items").forEach(paged::add);
			cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null);
		assertThat(pages).isGreaterThan(2);
		assertThat(paged).extracting((event) -> event.path("id").asLong())
			.containsExactlyElementsOf(all.stream().map((event) -> event.path("id").asLong()).toList());
		assertThat(paged).extracting((event) -> event.path("timestamp").asLong()).isSorted();
	}

	@Test
	void answersProblemsForUnknownSessionsBadTypesAndBadCursors() {
		HttpResponse<String> unknown = this.client.getAsAdmin("/api/v1/sessions/no-such-session/rum");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(ReplayClient.json(unknown.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/session-not-found");
		assertThat(this.client.getAsAdmin("/api/v1/sessions/no-such-session/rum/summary").statusCode()).isEqualTo(404);
		String sessionId = DatadogRecordings.ingestBrowser(this.client, ERRORS);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?type=nonsense").statusCode())
			.isEqualTo(400);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?cursor=xyz").statusCode())
			.isEqualTo(400);
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions/" + sessionId + "/rum")))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void givesTheSessionTheUserThatRumNamedBeforeItsRecordingArrived() {
		String sessionId = UUID.randomUUID().toString();
		String body = event("view", sessionId, 1_700_000_000_000L,
				"\"view\":{\"id\":\"v1\",\"url\":\"https://shop.example/\"},"
						+ "\"usr\":{\"id\":\"u-42\",\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},"
						+ "\"os\":{\"name\":\"Android\",\"version\":\"14\"},\"device\":{\"type\":\"mobile\"},"
						+ "\"geo\":{\"country\":\"France\"}");
		assertThat(postRum(UUID.randomUUID().toString(), body).statusCode()).isEqualTo(202);
		String segment = "{\"applicationId\":\"" + TestCorpus.BROWSER_APPLICATION
				+ "\",\"sequence\":0,\"events\":[{\"type\":4,\"timestamp\":1700000000100,\"data\":{\"href\":"
				+ "\"https://shop.example/\",\"width\":1,\"height\":1}}]}";
		HttpResponse<String> recorded = this.client.postSegment(sessionId, TestCorpus.CLIENT_TOKEN,
				segment.getBytes(StandardCharsets.UTF_8), null);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(202);
		JsonNode session = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body());
		assertThat(session.path("userId").asString()).isEqualTo("u-42");
		JsonNode summary = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum/summary").body());
		assertThat(summary.path("user").path("userName").asString()).isEqualTo("Ada Lovelace");
		assertThat(summary.path("user").path("userEmail").asString()).isEqualTo("ada@example.com");
		assertThat(summary.path("user").path("osName").asString()).isEqualTo("Android");
		assertThat(summary.path("user").path("deviceType").asString()).isEqualTo("mobile");
		assertThat(summary.path("user").path("country").asString()).isEqualTo("France");
		assertThat(summary.path("views").get(0).path("offsetMs").asLong()).isEqualTo(-100);
	}

	@Test
	void deletingTheSessionDeletesItsRumEvents() {
		String sessionId = UUID.randomUUID().toString();
		assertThat(
				postRum(UUID.randomUUID().toString(),
						event("error", sessionId, 1_700_000_000_000L,
								"\"error\":{\"id\":\"gone\",\"message\":\"to be deleted\"}"))
					.statusCode())
			.isEqualTo(202);
		String segment = "{\"applicationId\":\"" + TestCorpus.BROWSER_APPLICATION
				+ "\",\"sequence\":0,\"events\":[{\"type\":4,\"timestamp\":1700000000100,\"data\":{\"href\":"
				+ "\"https://shop.example/\",\"width\":1,\"height\":1}}]}";
		assertThat(this.client
			.postSegment(sessionId, TestCorpus.CLIENT_TOKEN, segment.getBytes(StandardCharsets.UTF_8), null)
			.statusCode()).isEqualTo(202);
		assertThat(allEvents(sessionId, "error")).hasSize(1);
		assertThat(this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions/" + sessionId))
				.header("Authorization", ReplayClient.ADMIN_BASIC)
				.DELETE())
			.statusCode()).isEqualTo(204);
		assertThat(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum").statusCode()).isEqualTo(404);
		assertThat(sessionIds("error=" + encode("to be deleted"))).doesNotContain(sessionId);
	}

	private HttpResponse<String> postRum(String requestId, String body) {
		String forward = "/api/v2/rum?ddsource=browser&dd-api-key=" + TestCorpus.CLIENT_TOKEN + "&dd-request-id="
				+ requestId;
		return this.client.send(HttpRequest.newBuilder(this.client.uri("/intake?ddforward=" + encode(forward)))
			.header("Content-Type", "text/plain;charset=UTF-8")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private static String event(String type, String sessionId, long date, String more) {
		return "{\"type\":\"" + type + "\",\"date\":" + date + ",\"application\":{\"id\":\""
				+ TestCorpus.BROWSER_APPLICATION + "\"},\"session\":{\"id\":\"" + sessionId + "\"}"
				+ (more.isEmpty() ? "" : "," + more) + "}";
	}

	private List<JsonNode> allEvents(String sessionId, String type) {
		HttpResponse<String> response = this.client
			.getAsAdmin("/api/v1/sessions/" + sessionId + "/rum?limit=1000" + ((type != null) ? "&type=" + type : ""));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode page = ReplayClient.json(response.body());
		assertThat(page.path("nextCursor").isNull()).isTrue();
		List<JsonNode> items = new ArrayList<>();
		page.path("items").forEach(items::add);
		return items;
	}

	private List<String> sessionIds(String query) {
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions?limit=200&" + query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		ReplayClient.json(response.body()).path("items").forEach((item) -> ids.add(item.path("id").asString()));
		return ids;
	}

	// the ids of the events of one type that the recording's RUM requests carried
	private static Set<String> corpusIds(String folder, String type) throws IOException {
		Set<String> ids = new LinkedHashSet<>();
		Path requests = TestCorpus.ROOT.resolve("datadog").resolve(folder).resolve("requests");
		try (var files = Files.list(requests)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".body.txt")).toList()) {
				for (String line : Files.readAllLines(file)) {
					if (!line.isBlank()) {
						JsonNode event = ReplayClient.json(line);
						if (type.equals(event.path("type").asString())) {
							ids.add(event.path(type).path("id").asString());
						}
					}
				}
			}
		}
		return ids;
	}

	// the answer in plain text, to read its counts
	private static CapturedRequest withoutAcceptEncoding(CapturedRequest request) {
		List<String> headers = new ArrayList<>();
		for (int i = 0; i + 1 < request.headers().size(); i += 2) {
			if (!"accept-encoding".equalsIgnoreCase(request.headers().get(i))) {
				headers.add(request.headers().get(i));
				headers.add(request.headers().get(i + 1));
			}
		}
		return new CapturedRequest(request.name(), request.method(), request.pathAndQuery(), headers, request.body(),
				request.expectedStatus());
	}

	private static boolean isRum(CapturedRequest request) {
		return request.pathAndQuery().contains("ddforward=%2Fapi%2Fv2%2Frum");
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode item : array) {
			if (value.equals(item.asString())) {
				return true;
			}
		}
		return false;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
