package dev.replay.api.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.ingest.ProblemTypes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class OpenApiIntegrationTests {

	private static final Pattern PROBLEM_TYPE = Pattern.compile("https://replay\\.dev/problems/[a-z-]+");

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
	void describesEveryOperation() {
		operations().forEach((name, operation) -> {
			assertThat(operation.path("operationId").asString()).as(name).isNotBlank();
			assertThat(operation.path("summary").asString()).as(name).isNotBlank();
			assertThat(operation.path("description").asString()).as(name).isNotBlank();
			assertThat(operation.path("responses").propertyNames()).as(name)
				.anyMatch((status) -> status.startsWith("2"));
		});
	}

	@Test
	void answersEveryErrorWithAProblemOfAKnownType() throws IllegalAccessException {
		Set<String> known = new HashSet<>();
		for (Class<?> types : List.of(ProblemTypes.class, ApiProblemTypes.class)) {
			for (Field field : types.getFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == URI.class) {
					known.add(field.get(null).toString());
				}
			}
		}
		operations().forEach((name, operation) -> operation.path("responses").properties().forEach((response) -> {
			String status = response.getKey();
			if (status.startsWith("4") || status.startsWith("5")) {
				JsonNode content = response.getValue().path("content");
				assertThat(content.propertyNames()).as("%s %s", name, status)
					.containsExactly("application/problem+json");
				assertThat(content.path("application/problem+json").path("schema").path("$ref").asString())
					.isEqualTo("#/components/schemas/ProblemDetail");
				List<String> types = PROBLEM_TYPE.matcher(response.getValue().path("description").asString())
					.results()
					.map(MatchResult::group)
					.toList();
				assertThat(types).as("problem types of %s %s", name, status).isNotEmpty();
				assertThat(known).as("problem types of %s %s", name, status).containsAll(types);
			}
		}));
	}

	@Test
	void describesTheIntakeUnderClientTokensAnswering202() {
		JsonNode paths = document().path("paths");
		for (String path : List.of("/ingest/v1/sessions/{sessionId}/segments", "/api/v2/replay", "/api/v2/rum",
				"/api/v2/logs", "/intake")) {
			JsonNode upload = paths.path(path).path("post");
			assertThat(upload.path("responses").propertyNames()).as(path).contains("202").doesNotContain("200");
			assertThat(upload.path("requestBody").path("required").asBoolean()).as(path).isTrue();
			List<String> schemes = new ArrayList<>();
			upload.path("security").forEach((requirement) -> schemes.addAll(requirement.propertyNames()));
			assertThat(schemes).as(path)
				.isNotEmpty()
				.isSubsetOf("clientToken", "clientTokenQuery", "datadogClientToken", "datadogClientTokenQuery");
		}
		JsonNode schemes = document().path("components").path("securitySchemes");
		assertThat(schemes.path("clientToken").path("name").asString()).isEqualTo("X-Replay-Token");
		assertThat(schemes.path("clientTokenQuery").path("name").asString()).isEqualTo("token");
		assertThat(schemes.path("datadogClientToken").path("name").asString()).isEqualTo("DD-API-KEY");
		assertThat(schemes.path("datadogClientTokenQuery").path("name").asString()).isEqualTo("dd-api-key");
		List<JsonNode> forward = new ArrayList<>();
		paths.path("/intake").path("post").path("parameters").forEach((parameter) -> {
			if (parameter.path("name").asString().equals("ddforward")) {
				forward.add(parameter);
			}
		});
		assertThat(forward).singleElement()
			.satisfies((parameter) -> assertThat(parameter.path("required").asBoolean()).isTrue());
	}

	@Test
	void describesBothAnswersToAddingASessionToADatadogPlaylist() {
		JsonNode add = document().path("paths")
			.path("/api/v2/rum/replay/playlists/{playlistId}/sessions/{sessionId}")
			.path("put");
		assertThat(add.path("responses").propertyNames()).contains("200", "201");
		assertThat(add.path("responses").path("201").path("content").path("application/json").path("schema"))
			.isEqualTo(add.path("responses").path("200").path("content").path("application/json").path("schema"));
	}

	@Test
	void describesSignInAndSignOut() {
		JsonNode paths = document().path("paths");
		JsonNode signIn = paths.path("/api/v1/auth/sign-in").path("post");
		assertThat(signIn.path("requestBody")
			.path("content")
			.path("application/x-www-form-urlencoded")
			.path("schema")
			.path("properties")
			.propertyNames()).containsExactlyInAnyOrder("username", "password");
		assertThat(signIn.path("responses").propertyNames()).contains("200", "401", "429");
		assertThat(signIn.path("security").isEmpty()).isTrue();
		assertThat(paths.path("/api/v1/auth/sign-out").path("post").path("responses").propertyNames()).contains("204");
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

	private JsonNode document() {
		HttpResponse<String> response = this.client.get("/v3/api-docs", this.users.create("viewer").basic());
		assertThat(response.statusCode()).isEqualTo(200);
		return ReplayClient.json(response.body());
	}

	// every operation, by method and path
	private Map<String, JsonNode> operations() {
		Map<String, JsonNode> operations = new LinkedHashMap<>();
		document().path("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach(
						(operation) -> operations.put(operation.getKey() + " " + path.getKey(), operation.getValue())));
		return operations;
	}

	@Test
	void hidesTheDescriptionFromAnonymousCallers() {
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/v3/api-docs"))).statusCode())
			.isEqualTo(401);
	}

}
