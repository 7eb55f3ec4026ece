package dev.replay.api.playback;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ingest.testsupport.TestCorpus;
import dev.replay.ingest.testsupport.TestCorpus.CapturedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class DatadogCorpusPlaybackIntegrationTests {

	private static final String ANDROID = "android-shop-login-list-detail";

	private static final String IOS = "ios-travel-login-list-detail";

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	@BeforeEach
	void createCorpusApplications() {
		DatadogRecordings.createApplications(this.client);
	}

	static List<String> browserRecordings() {
		return TestCorpus.browserRecordings();
	}

	static List<String> mobileRecordings() {
		return TestCorpus.mobileRecordings();
	}

	@ParameterizedTest
	@MethodSource("browserRecordings")
	void acceptsEveryBrowserRequestAsSentAndStoresRetriesOnce(String folder) {
		List<CapturedRequest> requests = TestCorpus.browserRequests(folder);
		for (CapturedRequest request : requests) {
			HttpResponse<String> response = DatadogRecordings.send(this.client, request);
			assertThat(response.statusCode()).as("%s: %s", request, response.body()).isEqualTo(202);
			assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(request.name()).isPresent();
		}
		String sessionId = TestCorpus.browserSessionId(folder);
		assertThat(segments(sessionId)).isEqualTo(TestCorpus.browserManifest(folder).path("segments").asLong());
		Map<String, Long> before = counts();
		requests.forEach(
				(request) -> assertThat(DatadogRecordings.send(this.client, request).statusCode()).as(request.name())
					.isEqualTo(202));
		assertThat(counts()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("mobileRecordings")
	void acceptsEveryMobileRequestAsSentAndStoresRetriesOnce(String folder) {
		List<CapturedRequest> requests = TestCorpus.mobileRequests(folder);
		for (CapturedRequest request : requests) {
			HttpResponse<String> response = DatadogRecordings.send(this.client, request);
			assertThat(response.statusCode()).as("%s: %s", request, response.body()).isEqualTo(202);
		}
		assertThat(segments(TestCorpus.mobileSessionId(folder))).isPositive();
		Map<String, Long> before = counts();
		requests.forEach(
				(request) -> assertThat(DatadogRecordings.send(this.client, request).statusCode()).as(request.name())
					.isEqualTo(202));
		assertThat(counts()).isEqualTo(before);
	}

	@ParameterizedTest
	@MethodSource("browserRecordings")
	void playsBrowserRecordingFromMetaAndFullSnapshot(String folder) {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, folder);
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode events = ReplayClient.json(response.body());
		assertThat(events.isArray()).isTrue();
		assertThat(events.get(0).path("type").asInt()).isEqualTo(4);
		assertThat(events.get(0).path("data").path("href").asString()).startsWith("http://127.0.0.1:8090/");
		assertThat(events.get(1).path("type").asInt()).isEqualTo(2);
		assertThat(events.size()).isGreaterThan(TestCorpus.browserManifest(folder).path("records").asInt() / 2);
		JsonNode session = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body());
		assertThat(session.path("source").asString()).isEqualTo("browser");
	}

	@ParameterizedTest
	@MethodSource("mobileRecordings")
	void playsMobileRecordingStartingWithMeta(String folder) {
		String sessionId = DatadogRecordings.ingestMobile(this.client, folder);
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode events = ReplayClient.json(response.body());
		assertThat(events.isArray()).isTrue();
		assertThat(events.get(0).path("type").asInt()).isEqualTo(4);
	}

	@Test
	void servesImageOfMobileSessionWithItsSniffedTypeAndLongCaching() {
		String sessionId = DatadogRecordings.ingestMobile(this.client, ANDROID);
		HttpResponse<String> response = this.client
			.getAsAdmin("/api/v1/sessions/" + sessionId + "/resources/97cd4ca9418c940b845cff9afd1a8ca5");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000").contains("immutable"));
	}

	@Test
	void servesSvgImageAsInertDocument() {
		String sessionId = DatadogRecordings.ingestMobile(this.client, IOS);
		HttpResponse<String> response = this.client
			.getAsAdmin("/api/v1/sessions/" + sessionId + "/resources/b7d86ff0af566901a2cb8fee49516d51");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
		assertThat(response.headers().allValues("Content-Security-Policy"))
			.containsExactly("default-src 'none'; style-src 'unsafe-inline'");
	}

	@Test
	void answersProblemForUnknownResource() {
		String sessionId = DatadogRecordings.ingestMobile(this.client, ANDROID);
		HttpResponse<String> response = this.client
			.getAsAdmin("/api/v1/sessions/" + sessionId + "/resources/00000000000000000000000000000000");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/resource-not-found");
	}

	@Test
	void refusesResourceToAnonymousCaller() {
		String sessionId = DatadogRecordings.ingestMobile(this.client, ANDROID);
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(
				this.client.uri("/api/v1/sessions/" + sessionId + "/resources/97cd4ca9418c940b845cff9afd1a8ca5")));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void answersIntakePreflightFromAnyOriginWithoutCredentials() {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v2/replay"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "https://shop.example")
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "dd-api-key, dd-request-id"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	private long segments(String sessionId) {
		return this.jdbc
			.sql("select count(*) from segment s join replay_session r on r.number = s.session_number where r.id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : List.of("segment", "replay_session", "session_view", "replay_resource", "intake_request",
				"rum_batch", "rum_batch_session")) {
			counts.put(table, this.jdbc.sql("select count(*) from " + table).query(Long.class).single());
		}
		return counts;
	}

}
