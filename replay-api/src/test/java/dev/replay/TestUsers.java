package dev.replay;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Creates users and API tokens through the admin API, and sends JSON requests as them.
 */
public final class TestUsers {

	/** The password every test user gets. */
	public static final String PASSWORD = "correct-horse-battery";

	private final ReplayClient client;

	public TestUsers(ReplayClient client) {
		this.client = client;
	}

	/**
	 * Create a user with a unique name.
	 * @param role {@code viewer}, {@code editor} or {@code admin}
	 * @return the user
	 */
	public TestUser create(String role) {
		String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/users",
				Map.of("username", username, "password", PASSWORD, "role", role));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Could not create user: " + response.body());
		}
		JsonNode user = ReplayClient.json(response.body());
		return new TestUser(UUID.fromString(user.path("id").asString()), username, basic(username, PASSWORD));
	}

	/**
	 * Issue a personal API token.
	 * @param user its owner
	 * @return the token's value
	 */
	public String tokenFor(TestUser user) {
		HttpResponse<String> response = send("POST", "/api/v1/me/tokens", user.basic(), Map.of("name", "test"));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Could not create token: " + response.body());
		}
		return ReplayClient.json(response.body()).path("token").asString();
	}

	/**
	 * Send a request with an optional JSON body.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param authorization the {@code Authorization} header value, or {@code null}
	 * @param body the body, or {@code null}
	 * @return the response
	 */
	public HttpResponse<String> send(String method, String path, String authorization, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.client.uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(ReplayClient.mapper().writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.client.send(request);
	}

	public static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	/**
	 * A user created for a test.
	 *
	 * @param id the user's id
	 * @param username the user's name
	 * @param basic the HTTP Basic header value for them
	 */
	public record TestUser(UUID id, String username, String basic) {

	}

}
