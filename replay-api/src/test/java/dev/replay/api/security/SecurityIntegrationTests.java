package dev.replay.api.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class SecurityIntegrationTests {

	ReplayClient client;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/sessions", "/api/v1/applications", "/api/v1/client-tokens",
			"/api/v1/sessions/any/events" })
	void answersAnonymousApiCallsWith401Problem(String path) {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.client.uri(path)));
		assertUnauthenticated(response);
	}

	@Test
	void refusesWrongPassword() {
		String basic = "Basic " + Base64.getEncoder().encodeToString("admin:wrong".getBytes(StandardCharsets.UTF_8));
		assertUnauthenticated(this.client.get("/api/v1/sessions", basic));
	}

	@Test
	void refusesClientTokenForReading() {
		String token = this.client.createApplication("tokens cannot read").path("clientToken").asString();
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions")).header("X-Replay-Token", token));
		assertUnauthenticated(response);
		assertUnauthenticated(
				this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions?token=" + token))));
	}

	@Test
	void sendsPlayerPagesToSignInAndChallengesApiRequests() {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.client.uri("/replays/abc?t=5")));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((value) -> assertThat(value).endsWith("/login?next=%2Freplays%2Fabc%3Ft%3D5"));
		HttpResponse<String> api = this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions")));
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic realm=\"Replay\""));
		HttpResponse<String> app = this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/sessions"))
			.header("X-Requested-With", "XMLHttpRequest"));
		assertThat(app.statusCode()).isEqualTo(401);
		assertThat(app.headers().firstValue("WWW-Authenticate")).isEmpty();
	}

	@Test
	void servesPlayerPageWithBasicAndContentSecurityPolicy() {
		HttpResponse<String> response = this.client.getAsAdmin("/replays/abc");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).containsPattern("src=\"/player/assets/player-[A-Z0-9]+\\.js\"");
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-eval"));
	}

	@Test
	void servesHealthAndRecorderScriptAnonymously() {
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri("/actuator/health"))).statusCode())
			.isEqualTo(200);
		HttpResponse<String> recorder = this.client.send(HttpRequest.newBuilder(this.client.uri("/sdk/recorder.js")));
		assertThat(recorder.statusCode()).isEqualTo(200);
		assertThat(recorder.body()).isNotBlank();
	}

	@Test
	void allowsIntakeFromAnyOriginWithoutCredentials() {
		HttpResponse<String> response = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/ingest/v1/sessions/abc/segments"))
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
				.header("Origin", "https://shop.example.org")
				.header("Access-Control-Request-Method", "POST")
				.header("Access-Control-Request-Headers", "content-type,content-encoding,x-replay-token"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("https://shop.example.org");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
	}

	private static void assertUnauthenticated(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		JsonNode problem = ReplayClient.json(response.body());
		assertThat(problem.path("type").asString()).isEqualTo("https://replay.dev/problems/unauthenticated");
		assertThat(problem.path("status").asInt()).isEqualTo(401);
	}

}
