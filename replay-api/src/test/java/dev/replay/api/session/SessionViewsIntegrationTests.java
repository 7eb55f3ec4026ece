package dev.replay.api.session;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.DatadogRecordings;
import dev.replay.Indexing;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class SessionViewsIntegrationTests {

	ReplayClient client;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsEveryRoutedViewOfDatadogSession() {
		String sessionId = DatadogRecordings.ingestBrowser(this.client, "spa-router");
		JsonNode views = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/views").body());
		int recordedViews = TestCorpus.browserManifest("spa-router").path("views").asInt();
		assertThat(views.size()).isEqualTo(recordedViews).isGreaterThan(1);
		assertThat(views.get(0).path("url").asString()).contains("/spa/");
		JsonNode session = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body());
		assertThat(session.path("source").asString()).isEqualTo("browser");
		assertThat(session.path("durationMs").asLong()).isPositive();
	}

	@Test
	void listsAndFindsTheViewsThatTheInPageNavigationsOfOurRecorderOpen() throws Exception {
		JsonNode application = this.client.createApplication("single-page app " + UUID.randomUUID());
		String sessionId = UUID.randomUUID().toString();
		String viewId = UUID.randomUUID().toString();
		long start = System.currentTimeMillis() - 60_000;
		// as our recorder script sends a single-page app: one page view, its navigations
		// as
		// custom events, each batch with the page's address when it left
		upload(application, sessionId, viewId, 0, "https://shop.test/?campaign=spring",
				event(4, start, "{\"href\":\"https://shop.test/?campaign=spring\",\"width\":1280,\"height\":720}"),
				event(2, start + 1,
						"{\"node\":{\"type\":0,\"childNodes\":[],\"id\":1},"
								+ "\"initialOffset\":{\"left\":0,\"top\":0}}"),
				navigation(start + 2000, "https://shop.test/products", "pushState"), mouseMove(start + 3000));
		upload(application, sessionId, viewId, 1, "https://shop.test/products",
				navigation(start + 4000, "https://shop.test/products?sort=price", "replaceState"),
				navigation(start + 6000, "https://shop.test/checkout", "pushState"), mouseMove(start + 7000),
				navigation(start + 9000, "https://shop.test/products", "popstate"), mouseMove(start + 10000));
		Indexing.awaitIndexed(this.jdbc, sessionId);

		List<String> pages = List.of("https://shop.test/?campaign=spring", "https://shop.test/products",
				"https://shop.test/checkout", "https://shop.test/products");
		JsonNode timeline = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/timeline").body());
		assertThat(timeline.path("views").valueStream().map((view) -> view.path("url").asString()))
			.containsExactlyElementsOf(pages);
		assertThat(timeline.path("views").valueStream().map((view) -> view.path("start").asLong())).containsExactly(0L,
				2000L, 6000L, 9000L);
		JsonNode views = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/views").body());
		assertThat(views.valueStream().map((view) -> view.path("url").asString())).containsExactlyElementsOf(pages);
		assertThat(views.get(0).path("id").asString()).isEqualTo(viewId);
		assertThat(Instant.parse(views.get(2).path("startedAt").asString()))
			.isEqualTo(Instant.ofEpochMilli(start + 6000));
		assertThat(ReplayClient
			.json(this.client
				.getAsAdmin("/api/v1/sessions?applicationId=" + application.path("id").asString() + "&url=/checkout")
				.body())
			.path("items")
			.valueStream()
			.map((item) -> item.path("id").asString())).containsExactly(sessionId);
	}

	@Test
	void answersUnknownSessionWith404() {
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/nope/views");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/session-not-found");
	}

	private void upload(JsonNode application, String sessionId, String viewId, int sequence, String url,
			String... events) {
		String body = "{\"applicationId\":\"" + application.path("id").asString() + "\",\"viewId\":\"" + viewId
				+ "\",\"sequence\":" + sequence + ",\"events\":[" + String.join(",", events)
				+ "],\"context\":{\"url\":\"" + url + "\",\"userAgent\":\"Mozilla/5.0\"}}";
		assertThat(this.client
			.postSegment(sessionId, application.path("clientToken").asString(), body.getBytes(StandardCharsets.UTF_8),
					null)
			.statusCode()).isEqualTo(202);
	}

	private static String navigation(long timestamp, String url, String kind) {
		return event(5, timestamp,
				"{\"tag\":\"navigation\",\"payload\":{\"url\":\"" + url + "\",\"kind\":\"" + kind + "\"}}");
	}

	private static String mouseMove(long timestamp) {
		return event(3, timestamp, "{\"source\":1,\"positions\":[{\"x\":10,\"y\":10,\"id\":1,\"timeOffset\":0}]}");
	}

	private static String event(int type, long timestamp, String data) {
		return "{\"type\":" + type + ",\"timestamp\":" + timestamp + ",\"data\":" + data + "}";
	}

}
