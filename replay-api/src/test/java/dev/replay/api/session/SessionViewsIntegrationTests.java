package dev.replay.api.session;

import java.net.http.HttpResponse;

import dev.replay.DatadogRecordings;
import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.ingest.testsupport.TestCorpus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class SessionViewsIntegrationTests {

	ReplayClient client;

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
	void answersUnknownSessionWith404() {
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/nope/views");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/session-not-found");
	}

}
