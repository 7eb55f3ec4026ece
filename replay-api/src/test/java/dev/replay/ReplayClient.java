package dev.replay;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests that talk to the running application as its users do.
 */
public final class ReplayClient {

	/** The password of the initial admin in tests. */
	public static final String ADMIN_PASSWORD = "test-admin-password";

	/** The admin's HTTP Basic credentials. */
	public static final String ADMIN_BASIC = "Basic "
			+ Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	public ReplayClient(int port) {
		this.port = port;
	}

	/**
	 * The application's port, for tests that open sockets of their own.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	public URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/**
	 * The address of a page of the application, as a browser opens it.
	 * @param path the path and query
	 * @return the address
	 */
	public String url(String path) {
		return uri(path).toString();
	}

	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public HttpResponse<String> get(String path, String authorization) {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization));
	}

	public HttpResponse<String> getAsAdmin(String path) {
		return get(path, ADMIN_BASIC);
	}

	public HttpResponse<String> postJsonAsAdmin(String path, Object body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", ADMIN_BASIC)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	/**
	 * Create an application as the admin.
	 * @param name its name
	 * @return the response body: id, name, clientToken
	 */
	public JsonNode createApplication(String name) {
		HttpResponse<String> response = postJsonAsAdmin("/api/v1/applications", Map.of("name", name));
		if (response.statusCode() != 201) {
			throw new IllegalStateException("Could not create application: " + response.body());
		}
		return json(response.body());
	}

	public HttpResponse<String> postSegment(String sessionId, String token, byte[] body, String contentEncoding) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/ingest/v1/sessions/" + sessionId + "/segments"))
			.header("X-Replay-Token", token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentEncoding != null) {
			request.header("Content-Encoding", contentEncoding);
		}
		return send(request);
	}

	public static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	public static JsonMapper mapper() {
		return JSON;
	}

}
