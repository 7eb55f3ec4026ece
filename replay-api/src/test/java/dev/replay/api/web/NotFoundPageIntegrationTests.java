package dev.replay.api.web;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An address that names nothing, over real HTTP: a browser navigating there gets the
 * app's own page with status 404; API paths and API clients keep RFC 9457 problem bodies.
 */
@ReplayIntegrationTest
class NotFoundPageIntegrationTests {

	private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	ReplayClient client;

	@ParameterizedTest
	@ValueSource(strings = { "/no-such-page", "/sessions/archive/2026", "/admin/applications/x/y" })
	void browserNavigatingToAnUnknownPageGetsTheAppsOwnPage(String path) {
		HttpResponse<String> response = get(path, BROWSER_ACCEPT);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<script type=\"module\" src=\"/app/app.js\"></script>")
			.doesNotContain("\"status\":");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/no-such-resource", "/api/no-such-version", "/actuator/no-such-endpoint" })
	void unknownApiPathsKeepProblemBodiesForBrowsersToo(String path) {
		assertProblem(get(path, BROWSER_ACCEPT));
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "*/*", "application/problem+json" })
	void apiClientsGetProblemBodiesForUnknownPages(String accept) {
		assertProblem(get("/no-such-page", accept));
	}

	private HttpResponse<String> get(String path, String accept) {
		return this.client.send(HttpRequest.newBuilder(this.client.uri(path))
			.header("Authorization", ReplayClient.ADMIN_BASIC)
			.header("Accept", accept));
	}

	private static void assertProblem(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("status").asInt()).isEqualTo(404);
	}

}
