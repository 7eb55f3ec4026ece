package dev.replay;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application of its own into which tests record small sessions of identified users,
 * with the user agent their recorder would send.
 *
 * @param client the client of the application under test
 * @param applicationId the application
 * @param token its client token
 */
public record RecordedSite(ReplayClient client, UUID applicationId, String token) {

	public static RecordedSite create(ReplayClient client) {
		JsonNode application = client.createApplication("people " + UUID.randomUUID());
		return new RecordedSite(client, UUID.fromString(application.path("id").asString()),
				application.path("clientToken").asString());
	}

	/**
	 * Record a session of one segment: a page saying "Hello" from {@code start}, and a
	 * mouse move five seconds later.
	 * @param start when it started
	 * @param user the user the recorder identified, or {@code null}
	 * @param userAgent the browser's user agent, or {@code null}
	 * @return the session id
	 */
	public String record(Instant start, Map<String, Object> user, String userAgent) {
		String sessionId = UUID.randomUUID().toString();
		long t0 = start.toEpochMilli();
		Map<String, Object> context = new LinkedHashMap<>();
		context.put("url", "https://shop.example/");
		if (user != null) {
			context.put("user", user);
		}
		if (userAgent != null) {
			context.put("userAgent", userAgent);
		}
		List<Map<String, Object>> events = List.of(
				Map.of("type", 4, "timestamp", t0, "data",
						Map.of("href", "https://shop.example/", "width", 1280, "height", 720)),
				Map.of("type", 2, "timestamp", t0, "data",
						Map.of("node", page(), "initialOffset", Map.of("left", 0, "top", 0))),
				mouseMove(t0 + 5000));
		send(sessionId, 0, events, context);
		return sessionId;
	}

	/**
	 * Record one more segment of a session: a paragraph added to the page's body, and a
	 * mouse move, at a time.
	 * @param sessionId the session
	 * @param sequence the segment's sequence number, 1 for the first one after
	 * {@link #record}
	 * @param at when
	 * @param text the paragraph's text
	 */
	public void append(String sessionId, int sequence, Instant at, String text) {
		long t = at.toEpochMilli();
		int id = 100 + sequence * 2;
		// as rrweb's recorder sends it: the paragraph and its text, each an addition of
		// its own (the replayer builds no child of an added node)
		Map<String, Object> paragraph = Map.of("type", 2, "tagName", "p", "attributes", Map.of(), "childNodes",
				List.of(), "id", id);
		Map<String, Object> mutation = Map.of("type", 3, "timestamp", t, "data", Map.of("source", 0, "texts", List.of(),
				"attributes", List.of(), "removes", List.of(), "adds",
				List.of(addition(5, paragraph), addition(id, Map.of("type", 3, "textContent", text, "id", id + 1)))));
		send(sessionId, sequence, List.of(mutation, mouseMove(t)), Map.of("url", "https://shop.example/"));
	}

	private static Map<String, Object> addition(int parentId, Map<String, Object> node) {
		Map<String, Object> add = new LinkedHashMap<>();
		add.put("parentId", parentId);
		add.put("nextId", null);
		add.put("node", node);
		return add;
	}

	private void send(String sessionId, int sequence, List<Map<String, Object>> events, Map<String, Object> context) {
		Map<String, Object> body = Map.of("applicationId", this.applicationId.toString(), "sequence", sequence,
				"viewId", "view-1", "events", events, "context", context);
		HttpResponse<String> response = this.client.postSegment(sessionId, this.token,
				ReplayClient.mapper().writeValueAsBytes(body), null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	// <html><head></head><body><h1>Hello</h1></body></html>, the body's id 5
	private static Map<String, Object> page() {
		Map<String, Object> heading = Map.of("type", 2, "tagName", "h1", "attributes", Map.of(), "childNodes",
				List.of(Map.of("type", 3, "textContent", "Hello", "id", 7)), "id", 6);
		Map<String, Object> body = Map.of("type", 2, "tagName", "body", "attributes", Map.of(), "childNodes",
				List.of(heading), "id", 5);
		Map<String, Object> head = Map.of("type", 2, "tagName", "head", "attributes", Map.of(), "childNodes", List.of(),
				"id", 4);
		Map<String, Object> html = Map.of("type", 2, "tagName", "html", "attributes", Map.of(), "childNodes",
				List.of(head, body), "id", 3);
		return Map.of("type", 0, "childNodes",
				List.of(Map.of("type", 1, "name", "html", "publicId", "", "systemId", "", "id", 2), html), "id", 1);
	}

	private static Map<String, Object> mouseMove(long t) {
		return Map.of("type", 3, "timestamp", t, "data",
				Map.of("source", 1, "positions", List.of(Map.of("x", 1, "y", 1, "id", 5, "timeOffset", 0))));
	}

	/**
	 * Wait until the background indexer has indexed everything a session received, so
	 * that a test may then change its figures without the indexer writing over them.
	 * @param jdbc the database
	 * @param sessionId the session
	 */
	public static void awaitIndexed(JdbcClient jdbc, String sessionId) {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (jdbc.sql("select indexed_version is distinct from updated_at from replay_session where id = ?")
			.param(sessionId)
			.query(Boolean.class)
			.single()) {
			assertThat(System.nanoTime()).as("indexed within 30 s").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * The user object of a recorder's context.
	 * @param id the user id
	 * @param name the name
	 * @param email the email, or {@code null}
	 * @return the object
	 */
	public static Map<String, Object> user(String id, String name, String email) {
		Map<String, Object> user = new LinkedHashMap<>();
		user.put("id", id);
		user.put("name", name);
		if (email != null) {
			user.put("email", email);
		}
		return user;
	}

}
