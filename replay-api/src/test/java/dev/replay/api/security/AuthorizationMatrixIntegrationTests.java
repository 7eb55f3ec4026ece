package dev.replay.api.security;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every role against every endpoint: anonymous callers, viewers, editors and admins, with
 * the status each must get. Changes target resources that belong to another user, made
 * afresh for each request.
 */
@ReplayIntegrationTest
class AuthorizationMatrixIntegrationTests {

	private static Fixtures fixtures;

	@LocalServerPort
	int port;

	@BeforeEach
	void createFixtures() {
		if (fixtures == null || fixtures.port() != this.port) {
			fixtures = Fixtures.create(new ReplayClient(this.port), this.port);
		}
	}

	static Stream<Arguments> matrix() {
		return Arrays.stream(Endpoint.values())
			.flatMap((endpoint) -> Stream.of(Arguments.of(endpoint, "anonymous", 401),
					Arguments.of(endpoint, "viewer", endpoint.viewer),
					Arguments.of(endpoint, "editor", endpoint.editor),
					Arguments.of(endpoint, "admin", endpoint.admin)));
	}

	@ParameterizedTest(name = "{0} as {1} -> {2}")
	@MethodSource("matrix")
	void answersEachRoleAsExpected(Endpoint endpoint, String role, int expected) {
		Request request = endpoint.request.apply(fixtures);
		String authorization = "anonymous".equals(role) ? null : fixtures.users().get(role).basic();
		HttpResponse<String> response = fixtures.http()
			.send(request.method(), request.path(), authorization, request.body());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
	}

	enum Endpoint {

		ME(200, 200, 200, (f) -> get("/api/v1/me")),

		LIST_SESSIONS(200, 200, 200, (f) -> get("/api/v1/sessions")),

		GET_SESSION(200, 200, 200, (f) -> get("/api/v1/sessions/" + f.session())),

		PLAY_SESSION(200, 200, 200, (f) -> get("/api/v1/sessions/" + f.session() + "/events")),

		WATCHERS(200, 200, 200, (f) -> get("/api/v1/sessions/" + f.session() + "/watchers")),

		SESSION_RUM(200, 200, 200, (f) -> get("/api/v1/sessions/" + f.session() + "/rum")),

		DELETE_SESSION(403, 403, 204, (f) -> new Request("DELETE", "/api/v1/sessions/" + f.sessions().record(), null)),

		MY_HISTORY(200, 200, 200, (f) -> get("/api/v1/me/history")),

		CREATE_TOKEN(201, 201, 201, (f) -> new Request("POST", "/api/v1/me/tokens", Map.of("name", "matrix"))),

		LIST_TOKENS(200, 200, 200, (f) -> get("/api/v1/me/tokens")),

		LIST_USERS(403, 403, 200, (f) -> get("/api/v1/users")),

		CREATE_USER(403, 403, 201,
				(f) -> new Request("POST", "/api/v1/users",
						Map.of("username", "matrix-" + UUID.randomUUID(), "password", TestUsers.PASSWORD, "role",
								"viewer"))),

		CHANGE_USER(403, 403, 200,
				(f) -> new Request("PATCH", "/api/v1/users/" + f.owner().id(), Map.of("role", "editor"))),

		LIST_AUDIT_EVENTS(403, 403, 200, (f) -> get("/api/v1/audit-events")),

		EXPORT_AUDIT_EVENTS(403, 403, 200, (f) -> get("/api/v1/audit-events/export?actor=nobody")),

		LIST_APPLICATIONS(403, 403, 200, (f) -> get("/api/v1/applications")),

		CREATE_APPLICATION(403, 403, 201, (f) -> new Request("POST", "/api/v1/applications", Map.of("name", "matrix"))),

		LIST_CLIENT_TOKENS(403, 403, 200, (f) -> get("/api/v1/client-tokens")),

		LIST_PLAYLISTS(200, 200, 200, (f) -> get("/api/v1/playlists")),

		CREATE_PLAYLIST(403, 201, 201, (f) -> new Request("POST", "/api/v1/playlists", Map.of("name", "matrix"))),

		GET_PLAYLIST(200, 200, 200, (f) -> get("/api/v1/playlists/" + f.playlist())),

		PLAYLIST_ITEMS(200, 200, 200, (f) -> get("/api/v1/playlists/" + f.playlist() + "/items")),

		RENAME_OTHERS_PLAYLIST(403, 403, 200,
				(f) -> new Request("PATCH", "/api/v1/playlists/" + f.playlist(), Map.of("name", "renamed"))),

		ADD_TO_OTHERS_PLAYLIST(403, 403, 201,
				(f) -> new Request("POST", "/api/v1/playlists/" + f.newPlaylist() + "/items",
						Map.of("sessionId", f.session()))),

		DELETE_OTHERS_PLAYLIST(403, 403, 204,
				(f) -> new Request("DELETE", "/api/v1/playlists/" + f.newPlaylist(), null)),

		DATADOG_LIST_PLAYLISTS(200, 200, 200, (f) -> get("/api/v2/rum/replay/playlists")),

		DATADOG_CREATE_PLAYLIST(403, 201, 201,
				(f) -> new Request("POST", "/api/v2/rum/replay/playlists",
						Map.of("data", Map.of("type", "rum_replay_playlist", "attributes", Map.of("name", "matrix"))))),

		DATADOG_WATCHERS(200, 200, 200, (f) -> get("/api/v2/rum/replay/sessions/" + f.session() + "/watchers")),

		DATADOG_HISTORY(200, 200, 200, (f) -> get("/api/v2/rum/replay/viewership-history/sessions")),

		OPENAPI(200, 200, 200, (f) -> get("/v3/api-docs"));

		final int viewer;

		final int editor;

		final int admin;

		final Function<Fixtures, Request> request;

		Endpoint(int viewer, int editor, int admin, Function<Fixtures, Request> request) {
			this.viewer = viewer;
			this.editor = editor;
			this.admin = admin;
			this.request = request;
		}

		private static Request get(String path) {
			return new Request("GET", path, null);
		}

	}

	record Request(String method, String path, Object body) {

	}

	record Fixtures(int port, TestUsers http, TestSessions sessions, Map<String, TestUser> users, TestUser owner,
			String session, long playlist) {

		static Fixtures create(ReplayClient client, int port) {
			TestUsers users = new TestUsers(client);
			TestSessions sessions = new TestSessions(client);
			Map<String, TestUser> byRole = Map.of("viewer", users.create("viewer"), "editor", users.create("editor"),
					"admin", users.create("admin"));
			TestUser owner = users.create("editor");
			Fixtures fixtures = new Fixtures(port, users, sessions, byRole, owner, sessions.record(), 0);
			return new Fixtures(port, users, sessions, byRole, owner, fixtures.session(), fixtures.newPlaylist());
		}

		long newPlaylist() {
			HttpResponse<String> response = this.http.send("POST", "/api/v1/playlists", this.owner.basic(),
					Map.of("name", "owned by someone else"));
			return ReplayClient.json(response.body()).path("id").asLong();
		}

	}

}
