package dev.replay.api.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class OpenApiIntegrationTests {

	ReplayClient client;

	TestUsers users;

	@Test
	void describesTheApiToSignedInUsers() {
		HttpResponse<String> response = this.client.get("/v3/api-docs", this.users.create("viewer").basic());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = ReplayClient.json(response.body()).path("paths");
		assertThat(paths.has("/api/v1/playlists")).isTrue();
		assertThat(paths.has("/api/v1/audit-events")).isTrue();
		assertThat(paths.has("/api/v1/me/tokens")).isTrue();
		assertThat(paths.has("/api/v2/rum/replay/playlists")).isTrue();
	}

	@Test
	void describesTheSessionSearch() {
		HttpResponse<String> response = this.client.get("/v3/api-docs", this.users.create("viewer").basic());
		JsonNode list = ReplayClient.json(response.body()).path("paths").path("/api/v1/sessions").path("get");
		Map<String, JsonNode> parameters = new HashMap<>();
		list.path("parameters").forEach((parameter) -> parameters.put(parameter.path("name").asString(), parameter));
		assertThat(parameters).containsKeys("applicationId", "from", "to", "minDurationMs", "maxDurationMs", "source",
				"url", "user", "watchedByMe", "notWatched", "hasErrors", "hasRageClicks", "sort", "cursor", "limit");
		assertThat(parameters.get("from").path("schema").path("format").asString()).isEqualTo("date-time");
		assertThat(parameters.get("source").path("schema").path("type").asString()).isEqualTo("array");
		assertThat(parameters.get("minDurationMs").path("schema").path("minimum").asInt()).isZero();
		List<String> orders = new ArrayList<>();
		parameters.get("sort").path("schema").path("enum").forEach((value) -> orders.add(value.asString()));
		assertThat(orders).containsExactly("start", "duration", "activity");
		assertThat(parameters.get("sort").path("schema").path("default").asString()).isEqualTo("start");
		assertThat(parameters.get("url").path("description").asString()).contains("views");
	}

	@Test
	void servesSwaggerUiToSignedInUsers() {
		String viewer = this.users.create("viewer").basic();
		HttpResponse<String> redirect = this.client.get("/swagger-ui.html", viewer);
		assertThat(redirect.statusCode()).isEqualTo(302);
		HttpResponse<String> page = this.client.get("/swagger-ui/index.html", viewer);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui");
	}

	@Test
	void hidesTheDescriptionFromAnonymousCallers() {
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/v3/api-docs"))).statusCode())
			.isEqualTo(401);
	}

}
