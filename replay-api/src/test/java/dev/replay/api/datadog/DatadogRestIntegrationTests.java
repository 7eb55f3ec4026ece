package dev.replay.api.datadog;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class DatadogRestIntegrationTests {

	private static final String PLAYLISTS = "/api/v2/rum/replay/playlists";

	ReplayClient client;

	TestUsers users;

	TestSessions sessions;

	TestUser editor;

	String key;

	@BeforeEach
	void createClients() {
		this.editor = this.users.create("editor");
		this.key = this.users.tokenFor(this.editor);
	}

	@Test
	void createsPlaylistInJsonApiShape() {
		// the body the Java client's example sends, created_by included
		HttpResponse<String> response = send("POST", PLAYLISTS,
				"{\"data\":{\"attributes\":{\"created_by\":{\"handle\":\"john.doe@example.com\","
						+ "\"id\":\"00000000-0000-0000-0000-000000000001\",\"uuid\":\"00000000-0000-0000-0000-000000000001\"},"
						+ "\"name\":\"My Playlist\"},\"type\":\"rum_replay_playlist\"}}");
		assertThat(response.statusCode()).isEqualTo(201);
		JsonNode data = ReplayClient.json(response.body()).path("data");
		assertThat(data.path("id").asString()).containsOnlyDigits();
		assertThat(data.path("type").asString()).isEqualTo("rum_replay_playlist");
		JsonNode attributes = data.path("attributes");
		assertThat(attributes.path("name").asString()).isEqualTo("My Playlist");
		assertThat(attributes.path("session_count").isNumber()).isTrue();
		assertThat(attributes.path("session_count").asLong()).isZero();
		assertThat(Instant.parse(attributes.path("created_at").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(attributes.path("updated_at").isString()).isTrue();
		JsonNode createdBy = attributes.path("created_by");
		assertThat(createdBy.path("handle").asString()).isEqualTo(this.editor.username());
		assertThat(createdBy.path("id").asString()).isEqualTo(this.editor.id().toString());
		assertThat(createdBy.path("uuid").asString()).isEqualTo(this.editor.id().toString());
	}

	@Test
	void getsUpdatesListsAndDeletesPlaylist() {
		String id = createPlaylist("Checkout errors");
		assertThat(data(send("GET", PLAYLISTS + "/" + id, null)).path("attributes").path("name").asString())
			.isEqualTo("Checkout errors");
		HttpResponse<String> updated = send("PUT", PLAYLISTS + "/" + id, "{\"data\":{\"id\":\"" + id
				+ "\",\"type\":\"rum_replay_playlist\",\"attributes\":{\"name\":\"Checkout errors (Q1)\",\"description\":\"Renamed\"}}}");
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(data(updated).path("attributes").path("description").asString()).isEqualTo("Renamed");
		JsonNode listed = ReplayClient
			.json(send("GET",
					PLAYLISTS + "?filter%5Bquery%5D=q1&filter%5Bcreated_by_uuid%5D=" + this.editor.id()
							+ "&page%5Bnumber%5D=0&page%5Bsize%5D=25",
					null)
				.body())
			.path("data");
		assertThat(listed.isArray()).isTrue();
		assertThat(listed.valueStream().map((playlist) -> playlist.path("id").asString())).containsExactly(id);
		assertThat(send("DELETE", PLAYLISTS + "/" + id, "").statusCode()).isEqualTo(204);
		assertThat(ReplayClient
			.json(send("GET", PLAYLISTS + "?filter%5Bcreated_by_uuid%5D=" + this.editor.id(), null).body())
			.path("data")
			.isEmpty()).isTrue();
	}

	@Test
	void addsSessionsIdempotentlyAndRemovesThemInBulk() {
		String id = createPlaylist("Sessions");
		String first = this.sessions.record();
		String second = this.sessions.record();
		HttpResponse<String> added = send("PUT",
				PLAYLISTS + "/" + id + "/sessions/" + first + "?ts=1704067200000&data_source=rum", "");
		assertThat(added.statusCode()).isEqualTo(201);
		JsonNode session = data(added);
		assertThat(session.path("id").asString()).isEqualTo(first);
		assertThat(session.path("type").asString()).isEqualTo("rum_replay_session");
		assertThat(session.path("attributes").path("session_event").path("application").path("id").asString())
			.isEqualTo(this.sessions.applicationId().toString());
		assertThat(session.path("attributes").path("track").asString()).isNotBlank();
		assertThat(send("PUT", PLAYLISTS + "/" + id + "/sessions/" + first + "?ts=1704067200000", "").statusCode())
			.isEqualTo(200);
		send("PUT", PLAYLISTS + "/" + id + "/sessions/" + second + "?ts=1704067200000", "");
		JsonNode page = ReplayClient
			.json(send("GET", PLAYLISTS + "/" + id + "/sessions?page%5Bnumber%5D=0&page%5Bsize%5D=1", null).body())
			.path("data");
		assertThat(page.valueStream().map((item) -> item.path("id").asString())).containsExactly(first);
		JsonNode next = ReplayClient
			.json(send("GET", PLAYLISTS + "/" + id + "/sessions?page%5Bnumber%5D=1&page%5Bsize%5D=1", null).body())
			.path("data");
		assertThat(next.valueStream().map((item) -> item.path("id").asString())).containsExactly(second);
		HttpResponse<String> removed = send("DELETE", PLAYLISTS + "/" + id + "/sessions",
				"{\"data\":[{\"id\":\"" + first + "\",\"type\":\"rum_replay_session\"},{\"id\":\"" + second
						+ "\",\"type\":\"rum_replay_session\"}]}");
		assertThat(removed.statusCode()).isEqualTo(204);
		assertThat(
				ReplayClient.json(send("GET", PLAYLISTS + "/" + id + "/sessions", null).body()).path("data").isEmpty())
			.isTrue();
	}

	@Test
	void refusesPlaylistWithoutName() {
		assertThat(send("POST", PLAYLISTS, "{\"data\":{\"type\":\"rum_replay_playlist\"}}").statusCode())
			.isEqualTo(400);
	}

	@Test
	void recordsWatchesAndListsWatchersAndHistory() {
		String sessionId = this.sessions.record();
		Instant before = Instant.now();
		// the client's clock is a little behind: the watch is recorded at the server's
		// time
		HttpResponse<String> watch = send("POST", "/api/v2/rum/replay/sessions/" + sessionId + "/watches",
				"{\"data\":{\"attributes\":{\"application_id\":\"" + this.sessions.applicationId()
						+ "\",\"event_id\":\"11111111-2222-3333-4444-555555555555\",\"timestamp\":\""
						+ before.minus(Duration.ofMinutes(2)) + "\"},\"type\":\"rum_replay_watch\"}}");
		Instant after = Instant.now();
		assertThat(watch.statusCode()).isEqualTo(201);
		JsonNode watchData = data(watch);
		assertThat(watchData.path("type").asString()).isEqualTo("rum_replay_watch");
		assertThat(watchData.path("attributes").path("event_id").asString())
			.isEqualTo("11111111-2222-3333-4444-555555555555");
		assertThat(watchData.path("attributes").path("application_id").asString())
			.isEqualTo(this.sessions.applicationId().toString());
		assertThat(Instant.parse(watchData.path("attributes").path("timestamp").asString())).isBetween(before, after);

		JsonNode watchers = ReplayClient
			.json(send("GET",
					"/api/v2/rum/replay/sessions/" + sessionId + "/watchers?page%5Bsize%5D=25&page%5Bnumber%5D=0", null)
				.body())
			.path("data");
		assertThat(watchers).hasSize(1);
		assertThat(watchers.get(0).path("type").asString()).isEqualTo("rum_replay_watcher");
		assertThat(watchers.get(0).path("id").asString()).isEqualTo(this.editor.id().toString());
		assertThat(watchers.get(0).path("attributes").path("handle").asString()).isEqualTo(this.editor.username());
		assertThat(watchers.get(0).path("attributes").path("watch_count").isInt()).isTrue();
		assertThat(watchers.get(0).path("attributes").path("watch_count").asInt()).isEqualTo(1);
		assertThat(watchers.get(0).path("attributes").path("last_watched_at").isString()).isTrue();

		String history = "/api/v2/rum/replay/viewership-history/sessions?filter%5Bwatched_at%5D%5Bstart%5D="
				+ before.toEpochMilli() + "&filter%5Bwatched_at%5D%5Bend%5D=" + (after.toEpochMilli() + 1)
				+ "&filter%5Bsession_ids%5D=" + sessionId + "%2Cother-session&filter%5Bapplication_id%5D="
				+ this.sessions.applicationId();
		JsonNode watched = ReplayClient.json(send("GET", history, null).body()).path("data");
		assertThat(watched).hasSize(1);
		assertThat(watched.get(0).path("id").asString()).isEqualTo(sessionId);
		assertThat(watched.get(0).path("type").asString()).isEqualTo("rum_replay_session");
		assertThat(Instant.parse(watched.get(0).path("attributes").path("last_watched_at").asString()))
			.isBetween(before, after);

		assertThat(send("DELETE", "/api/v2/rum/replay/sessions/" + sessionId + "/watches", "").statusCode())
			.isEqualTo(204);
		assertThat(ReplayClient.json(send("GET", history, null).body()).path("data").isEmpty()).isTrue();
	}

	@Test
	void refusesRequestsWithoutValidApplicationKey() {
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.client.uri(PLAYLISTS))
			.header("DD-API-KEY", "anything")
			.header("DD-APPLICATION-KEY", "not-a-token"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.client.send(HttpRequest.newBuilder(this.client.uri(PLAYLISTS))).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesWatchDatedFarFromTheServersTime() {
		String sessionId = this.sessions.record();
		for (Instant timestamp : new Instant[] { Instant.parse("2001-09-09T01:46:40Z"),
				Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(400)) }) {
			HttpResponse<String> watch = send("POST", "/api/v2/rum/replay/sessions/" + sessionId + "/watches",
					"{\"data\":{\"attributes\":{\"application_id\":\"" + this.sessions.applicationId()
							+ "\",\"event_id\":\"" + sessionId + "\",\"timestamp\":\"" + timestamp
							+ "\"},\"type\":\"rum_replay_watch\"}}");
			assertThat(watch.statusCode()).as(watch.body()).isEqualTo(400);
			assertThat(ReplayClient.json(watch.body()).path("type").asString())
				.isEqualTo("https://replay.dev/problems/bad-request");
		}
		assertThat(data(send("GET", "/api/v2/rum/replay/sessions/" + sessionId + "/watchers", null)).isEmpty())
			.isTrue();
	}

	@Test
	void onlyAdminsReadAnotherUsersViewershipHistory() {
		String sessionId = this.sessions.record();
		assertThat(send("POST", "/api/v2/rum/replay/sessions/" + sessionId + "/watches",
				"{\"data\":{\"type\":\"rum_replay_watch\"}}")
			.statusCode()).isEqualTo(201);
		String editorsHistory = "/api/v2/rum/replay/viewership-history/sessions?filter%5Bcreated_by%5D="
				+ this.editor.id();
		String viewerKey = this.users.tokenFor(this.users.create("viewer"));
		HttpResponse<String> asViewer = send("GET", editorsHistory, null, viewerKey);
		assertThat(asViewer.statusCode()).as(asViewer.body()).isEqualTo(403);
		assertThat(ReplayClient.json(asViewer.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/forbidden");
		assertThat(asViewer.body()).doesNotContain(sessionId);
		assertThat(send("GET", "/api/v1/me/history", null, viewerKey).body()).doesNotContain(sessionId);

		JsonNode asOwner = data(send("GET", editorsHistory, null));
		assertThat(asOwner.valueStream().map((session) -> session.path("id").asString())).containsExactly(sessionId);
		String adminKey = this.users.tokenFor(this.users.create("admin"));
		JsonNode asAdmin = data(send("GET", editorsHistory, null, adminKey));
		assertThat(asAdmin.valueStream().map((session) -> session.path("id").asString())).containsExactly(sessionId);
	}

	private String createPlaylist(String name) {
		HttpResponse<String> response = send("POST", PLAYLISTS,
				"{\"data\":{\"type\":\"rum_replay_playlist\",\"attributes\":{\"name\":\"" + name + "\"}}}");
		assertThat(response.statusCode()).isEqualTo(201);
		return data(response).path("id").asString();
	}

	private static JsonNode data(HttpResponse<String> response) {
		return ReplayClient.json(response.body()).path("data");
	}

	private HttpResponse<String> send(String method, String path, String body) {
		return send(method, path, body, this.key);
	}

	private HttpResponse<String> send(String method, String path, String body, String applicationKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.client.uri(path))
			.header("DD-API-KEY", "any-api-key")
			.header("DD-APPLICATION-KEY", applicationKey)
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return this.client.send(request);
	}

}
