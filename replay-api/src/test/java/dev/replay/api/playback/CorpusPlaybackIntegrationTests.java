package dev.replay.api.playback;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.core.playback.LinkedStyleSheets;
import dev.replay.core.privacy.InputMasker;
import dev.replay.core.rrweb.RrwebEventReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class CorpusPlaybackIntegrationTests {

	ReplayClient client;

	static List<String> pages() throws IOException {
		return RrwebCorpus.pages();
	}

	@ParameterizedTest
	@MethodSource("pages")
	void playsBackEveryRecordedEventUnchangedButForSensitiveInputsAndSwappedStyleSheets(String page)
			throws IOException {
		String sessionId = RrwebCorpus.ingest(this.client, page);
		List<JsonNode> expected = new ArrayList<>();
		InputMasker masker = new InputMasker();
		LinkedStyleSheets links = new LinkedStyleSheets();
		for (ArrayNode batch : RrwebCorpus.batches(page)) {
			batch.forEach((event) -> expected
				.add(ReplayClient.json(new String(links.apply(masker.mask(RrwebEventReader.toRawEvent(event))).json(),
						StandardCharsets.UTF_8))));
		}
		HttpResponse<String> response = this.client.getAsAdmin("/api/v1/sessions/" + sessionId + "/events");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode played = ReplayClient.json(response.body());
		assertThat(played.size()).isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertThat(played.get(i)).as("event %d of %s", i, page).isEqualTo(expected.get(i));
		}
	}

	@ParameterizedTest
	@MethodSource("pages")
	void listsSessionWithItsTimeRange(String page) throws IOException {
		String sessionId = RrwebCorpus.ingest(this.client, page);
		JsonNode session = ReplayClient.json(this.client.getAsAdmin("/api/v1/sessions/" + sessionId).body());
		JsonNode manifest = RrwebCorpus.manifest(page);
		assertThat(session.path("durationMs").asLong()).isEqualTo(manifest.path("durationMs").asLong());
		assertThat(session.path("source").asString()).isEqualTo("browser");
		assertThat(session.path("segmentCount").asInt()).isEqualTo(manifest.path("batches").size());
		JsonNode listed = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/sessions?applicationId=" + session.path("applicationId").asString())
				.body());
		assertThat(listed.path("items")).extracting((item) -> item.path("id").asString()).containsExactly(sessionId);
	}

}
