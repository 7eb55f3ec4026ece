package dev.replay.api.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint against every kind of caller, with the status each must get:
 * <ul>
 * <li>{@code anonymous}: no credentials;</li>
 * <li>{@code client-token-bearer} and {@code client-token-datadog}: an application's
 * client token (which may only write recordings) as {@code Authorization: Bearer}, or as
 * Datadog's {@code DD-API-KEY} and {@code DD-APPLICATION-KEY};</li>
 * <li>{@code viewer}, {@code editor}, {@code admin}: users of each role, with HTTP Basic
 * on Replay's endpoints and with their personal API token as Datadog's application key on
 * the Datadog-compatible ones; the editor acts on playlists and tokens of their own, the
 * viewer and the admin on those of another editor;</li>
 * <li>{@code other-editor}: the same editor acting on another editor's playlists and
 * tokens;</li>
 * <li>{@code demoted-admin}: the browser (cookie) session of an admin whom another admin
 * made a viewer after they signed in: answered as a viewer;</li>
 * <li>{@code deleted-user}: the browser session of an admin deleted after they signed in
 * (a fresh one for each request): answered as if anonymous;</li>
 * <li>{@code read-only-token}: a read-only personal API token of the admin, which gets
 * what the admin gets on safe requests ({@code GET}, {@code HEAD}) and 403 on every
 * other, whatever the admin's role allows;</li>
 * <li>{@code datadog-api-key-only}: the viewer's API token as Datadog's
 * {@code DD-API-KEY} alone, which signs in on the Datadog-compatible endpoints only and
 * is no credential elsewhere.</li>
 * </ul>
 * Resources that a request changes or deletes are made afresh for each request.
 */
@ReplayIntegrationTest
class AuthorizationMatrixIntegrationTests {

	private static final String DATADOG_PREFIX = "/api/v2/rum/";

	private static Fixtures fixtures;

	@BeforeAll
	static void createFixtures(ReplayClient client) {
		fixtures = Fixtures.create(client);
	}

	static Stream<Arguments> matrix() {
		return Arrays.stream(Endpoint.values())
			.flatMap((endpoint) -> Arrays.stream(Caller.values()).map((caller) -> Arguments.of(endpoint, caller)));
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("matrix")
	void answersEachCallerAsExpected(Endpoint endpoint, Caller caller) {
		Request request = endpoint.request
			.apply(new Target(fixtures, caller.ownsTarget() ? fixtures.editor() : fixtures.owner()));
		int expected = endpoint.expected(caller, request);
		HttpResponse<String> response = fixtures.send(request, caller);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
		if (expected == 401 && request.path().startsWith("/api/")) {
			assertThat(ReplayClient.json(response.body()).path("type").asString())
				.isEqualTo("https://replay.dev/problems/unauthenticated");
		}
		if (expected == 403) {
			assertThat(ReplayClient.json(response.body()).path("type").asString())
				.isIn("https://replay.dev/problems/forbidden", "https://replay.dev/problems/playlist-not-owned");
		}
	}

	@Test
	void coversEveryColumnOfEveryEndpoint() {
		assertThat(matrix()).hasSize(Endpoint.values().length * Caller.values().length);
		// the thirteen operations of Datadog's playlist and viewership APIs
		assertThat(Arrays.stream(Endpoint.values()).filter((endpoint) -> endpoint.name().startsWith("DATADOG_")))
			.hasSize(13);
	}

	static Stream<Arguments> outsideTheGrant() {
		return Arrays.stream(OutsideGrant.values()).map((endpoint) -> Arguments.of(endpoint));
	}

	/**
	 * A viewer granted only another application finds the fixtures' session missing on
	 * every endpoint that names it, with the same problem as a session that does not
	 * exist.
	 * @param endpoint the endpoint
	 */
	@ParameterizedTest(name = "{0} outside the grant -> 404")
	@MethodSource("outsideTheGrant")
	void answersNotFoundForASessionOutsideTheGrant(OutsideGrant endpoint) {
		Outsider outsider = Outsider.of(fixtures);
		HttpResponse<String> response = outsider.send(endpoint.request.apply(fixtures.session()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isIn("https://replay.dev/problems/session-not-found", "https://replay.dev/problems/resource-not-found");
	}

	@Test
	void listsNothingOutsideTheGrant() {
		Outsider outsider = Outsider.of(fixtures);
		String session = fixtures.session();
		String own = outsider.ownSession();
		// search and listing
		String search = outsider.send(new Request("GET", "/api/v1/sessions?limit=200", null)).body();
		assertThat(search).contains(own).doesNotContain(session);
		String filtered = outsider
			.send(new Request("GET",
					"/api/v1/sessions?user=&url=&from=2020-01-01T00:00:00Z" + "&applicationId="
							+ fixtures.sessions().applicationId(),
					null))
			.body();
		assertThat(ReplayClient.json(filtered).path("items")).isEmpty();
		// a playlist holding both sessions shows and counts only the granted one
		long playlist = fixtures.newPlaylist(fixtures.owner());
		assertThat(fixtures.http()
			.send("POST", "/api/v1/playlists/" + playlist + "/items/bulk", fixtures.owner().basic(),
					Map.of("sessionIds", List.of(session, own)))
			.statusCode()).isEqualTo(200);
		String items = outsider.send(new Request("GET", "/api/v1/playlists/" + playlist + "/items", null)).body();
		assertThat(items).contains(own).doesNotContain(session);
		assertThat(ReplayClient.json(items).path("totalItems").asLong()).isOne();
		assertThat(ReplayClient.json(outsider.send(new Request("GET", "/api/v1/playlists/" + playlist, null)).body())
			.path("sessionCount")
			.asLong()).isOne();
		String datadogItems = outsider
			.send(new Request("GET", "/api/v2/rum/replay/playlists/" + playlist + "/sessions", null))
			.body();
		assertThat(datadogItems).contains(own).doesNotContain(session);
		assertThat(outsider.send(new Request("GET", "/api/v2/rum/replay/playlists/" + playlist, null)).body())
			.contains("\"session_count\":1");
		// the watch history, of sessions watched before the grant was narrowed
		String history = outsider.send(new Request("GET", "/api/v1/me/history", null)).body();
		assertThat(history).contains(own).doesNotContain(session);
		String datadogHistory = outsider
			.send(new Request("GET", "/api/v2/rum/replay/viewership-history/sessions", null))
			.body();
		assertThat(datadogHistory).contains(own).doesNotContain(session);
	}

	enum Caller {

		ANONYMOUS, CLIENT_TOKEN_BEARER, CLIENT_TOKEN_DATADOG, VIEWER, EDITOR, ADMIN, OTHER_EDITOR, DEMOTED_ADMIN,
		DELETED_USER, READ_ONLY_TOKEN, DATADOG_API_KEY_ONLY;

		boolean ownsTarget() {
			return this == EDITOR;
		}

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	enum Endpoint {

		ME(200, 200, 200, 200, (t) -> get("/api/v1/me")),

		LIST_SESSIONS(200, 200, 200, 200, (t) -> get("/api/v1/sessions")),

		SEARCH_SESSIONS(200, 200, 200, 200,
				(t) -> get("/api/v1/sessions?from=2020-01-01T00:00:00Z&minDurationMs=0&source=browser&url=a&user=b"
						+ "&sort=duration")),

		GET_SESSION(200, 200, 200, 200, (t) -> get("/api/v1/sessions/" + t.f().session())),

		SESSION_VIEWS(200, 200, 200, 200, (t) -> get("/api/v1/sessions/" + t.f().session() + "/views")),

		SESSION_TIMELINE(200, 200, 200, 200, (t) -> get("/api/v1/sessions/" + t.f().session() + "/timeline")),

		SESSION_RUM(200, 200, 200, 200, (t) -> get("/api/v1/sessions/" + t.f().session() + "/rum")),

		PLAY_SESSION(200, 200, 200, 200, (t) -> get("/api/v1/sessions/" + t.f().session() + "/events")),

		SESSION_RESOURCE(404, 404, 404, 404,
				(t) -> get("/api/v1/sessions/" + t.f().session() + "/resources/no-such-image.png")),

		WATCHERS(200, 200, 200, 200, (t) -> get("/api/v1/sessions/" + t.f().session() + "/watchers")),

		DELETE_SESSION(403, 403, 204, 403, (t) -> delete("/api/v1/sessions/" + t.f().sessions().record())),

		MY_HISTORY(200, 200, 200, 200, (t) -> get("/api/v1/me/history")),

		CREATE_TOKEN(201, 201, 201, 201, (t) -> new Request("POST", "/api/v1/me/tokens", Map.of("name", "matrix"))),

		LIST_TOKENS(200, 200, 200, 200, (t) -> get("/api/v1/me/tokens")),

		// personal tokens are revoked by their owner only: another user's look missing
		REVOKE_TOKEN(404, 200, 404, 404, (t) -> delete("/api/v1/me/tokens/" + t.f().newTokenId(t.owner()))),

		// to the same password, so that the callers' credentials stay as they are
		CHANGE_OWN_PASSWORD(204, 204, 204, 204,
				(t) -> new Request("PUT", "/api/v1/me/password",
						Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", TestUsers.PASSWORD))),

		LIST_USERS(403, 403, 200, 403, (t) -> get("/api/v1/users")),

		CREATE_USER(403, 403, 201, 403,
				(t) -> new Request("POST", "/api/v1/users",
						Map.of("username", "matrix-" + UUID.randomUUID(), "password", TestUsers.PASSWORD, "role",
								"viewer"))),

		CHANGE_USER(403, 403, 200, 403,
				(t) -> new Request("PATCH", "/api/v1/users/" + t.f().newUser().id(), Map.of("role", "editor"))),

		RESET_PASSWORD(403, 403, 204, 403,
				(t) -> new Request("PUT", "/api/v1/users/" + t.f().newUser().id() + "/password",
						Map.of("password", "reset-by-the-matrix"))),

		DELETE_USER(403, 403, 204, 403, (t) -> delete("/api/v1/users/" + t.f().newUser().id())),

		// admins see and revoke the tokens of every user
		LIST_USER_TOKENS(403, 403, 200, 403, (t) -> get("/api/v1/users/" + t.owner().id() + "/tokens")),

		REVOKE_USER_TOKEN(403, 403, 200, 403,
				(t) -> delete("/api/v1/users/" + t.owner().id() + "/tokens/" + t.f().newTokenId(t.owner()))),

		LIST_AUDIT_EVENTS(403, 403, 200, 403, (t) -> get("/api/v1/audit-events")),

		EXPORT_AUDIT_EVENTS(403, 403, 200, 403, (t) -> get("/api/v1/audit-events/export?actor=nobody")),

		LIST_APPLICATIONS(403, 403, 200, 403, (t) -> get("/api/v1/applications")),

		CREATE_APPLICATION(403, 403, 201, 403,
				(t) -> new Request("POST", "/api/v1/applications", Map.of("name", "matrix"))),

		CHANGE_RETENTION(403, 403, 200, 403,
				(t) -> new Request("PATCH", "/api/v1/applications/" + t.f().sessions().applicationId(),
						Map.of("retentionDays", 30))),

		LIST_CLIENT_TOKENS(403, 403, 200, 403, (t) -> get("/api/v1/client-tokens")),

		CREATE_CLIENT_TOKEN(403, 403, 201, 403,
				(t) -> new Request("POST", "/api/v1/client-tokens", Map.of("name", "matrix"))),

		REVOKE_CLIENT_TOKEN(403, 403, 200, 403, (t) -> delete("/api/v1/client-tokens/" + t.f().newClientTokenId())),

		LIST_PLAYLISTS(200, 200, 200, 200, (t) -> get("/api/v1/playlists?mine=true&q=a")),

		CREATE_PLAYLIST(403, 201, 201, 201, (t) -> new Request("POST", "/api/v1/playlists", Map.of("name", "matrix"))),

		GET_PLAYLIST(200, 200, 200, 200, (t) -> get("/api/v1/playlists/" + t.playlist())),

		PLAYLIST_ITEMS(200, 200, 200, 200, (t) -> get("/api/v1/playlists/" + t.playlistWithSession() + "/items")),

		RENAME_PLAYLIST(403, 200, 200, 403,
				(t) -> new Request("PATCH", "/api/v1/playlists/" + t.playlist(), Map.of("name", "renamed"))),

		DELETE_PLAYLIST(403, 204, 204, 403, (t) -> delete("/api/v1/playlists/" + t.playlist())),

		ADD_PLAYLIST_ITEM(403, 201, 201, 403,
				(t) -> new Request("POST", "/api/v1/playlists/" + t.playlist() + "/items",
						Map.of("sessionId", t.f().session()))),

		ADD_PLAYLIST_ITEMS(403, 200, 200, 403,
				(t) -> new Request("POST", "/api/v1/playlists/" + t.playlist() + "/items/bulk",
						Map.of("sessionIds", List.of(t.f().session())))),

		REMOVE_PLAYLIST_ITEM(403, 204, 204, 403,
				(t) -> delete("/api/v1/playlists/" + t.playlistWithSession() + "/items/" + t.f().session())),

		DATADOG_LIST_PLAYLISTS(200, 200, 200, 200, (t) -> get("/api/v2/rum/replay/playlists?page%5Bsize%5D=5")),

		DATADOG_CREATE_PLAYLIST(403, 201, 201, 201,
				(t) -> new Request("POST", "/api/v2/rum/replay/playlists",
						Map.of("data", Map.of("type", "rum_replay_playlist", "attributes", Map.of("name", "matrix"))))),

		DATADOG_GET_PLAYLIST(200, 200, 200, 200, (t) -> get("/api/v2/rum/replay/playlists/" + t.playlist())),

		DATADOG_UPDATE_PLAYLIST(403, 200, 200, 403,
				(t) -> new Request("PUT", "/api/v2/rum/replay/playlists/" + t.playlist(),
						Map.of("data",
								Map.of("type", "rum_replay_playlist", "attributes", Map.of("name", "renamed"))))),

		DATADOG_DELETE_PLAYLIST(403, 204, 204, 403, (t) -> delete("/api/v2/rum/replay/playlists/" + t.playlist())),

		DATADOG_PLAYLIST_SESSIONS(200, 200, 200, 200,
				(t) -> get("/api/v2/rum/replay/playlists/" + t.playlistWithSession() + "/sessions")),

		DATADOG_ADD_SESSION(403, 201, 201, 403, (t) -> new Request("PUT",
				"/api/v2/rum/replay/playlists/" + t.playlist() + "/sessions/" + t.f().session() + "?ts=1000", null)),

		DATADOG_REMOVE_SESSION(403, 204, 204, 403,
				(t) -> delete(
						"/api/v2/rum/replay/playlists/" + t.playlistWithSession() + "/sessions/" + t.f().session())),

		DATADOG_REMOVE_SESSIONS(403, 204, 204, 403,
				(t) -> new Request("DELETE", "/api/v2/rum/replay/playlists/" + t.playlistWithSession() + "/sessions",
						Map.of("data", List.of(Map.of("id", t.f().session(), "type", "rum_replay_session"))))),

		DATADOG_RECORD_WATCH(201, 201, 201, 201,
				(t) -> new Request("POST", "/api/v2/rum/replay/sessions/" + t.f().session() + "/watches",
						Map.of("data",
								Map.of("type", "rum_replay_watch", "attributes",
										Map.of("application_id", t.f().sessions().applicationId().toString(),
												"event_id", t.f().session(), "timestamp", Instant.now().toString()))))),

		DATADOG_FORGET_WATCHES(204, 204, 204, 204,
				(t) -> delete("/api/v2/rum/replay/sessions/" + t.f().session() + "/watches")),

		DATADOG_WATCHERS(200, 200, 200, 200,
				(t) -> get("/api/v2/rum/replay/sessions/" + t.f().session() + "/watchers")),

		DATADOG_HISTORY(200, 200, 200, 200, (t) -> get("/api/v2/rum/replay/viewership-history/sessions")),

		OPENAPI(200, 200, 200, 200, (t) -> get("/v3/api-docs")),

		SWAGGER_UI(302, 302, 302, 302, (t) -> get("/swagger-ui.html")),

		// pages send visitors without credentials to the sign-in page; credentials that
		// fail (a client token is no API token) are refused
		PLAYER_PAGE(302, 401, 200, 200, 200, 200, (t) -> get("/replays/" + t.f().session())),

		EMBED_PAGE(302, 401, 200, 200, 200, 200, (t) -> get("/embed/replays/" + t.f().session())),

		APP_PAGE(302, 401, 200, 200, 200, 200, (t) -> get("/sessions")),

		PROMETHEUS(200, 200, 200, 200, (t) -> get("/actuator/prometheus")),

		// anonymous callers may; failing credentials are refused even here
		HEALTH(200, 401, 200, 200, 200, 200, (t) -> get("/actuator/health")),

		CSRF_COOKIE(204, 401, 204, 204, 204, 204, (t) -> get("/api/v1/auth/csrf"));

		final int anonymous;

		final int clientToken;

		final int viewer;

		final int editor;

		final int admin;

		final int otherEditor;

		final Function<Target, Request> request;

		Endpoint(int viewer, int editor, int admin, int otherEditor, Function<Target, Request> request) {
			this(401, 401, viewer, editor, admin, otherEditor, request);
		}

		Endpoint(int anonymous, int clientToken, int viewer, int editor, int admin, int otherEditor,
				Function<Target, Request> request) {
			this.anonymous = anonymous;
			this.clientToken = clientToken;
			this.viewer = viewer;
			this.editor = editor;
			this.admin = admin;
			this.otherEditor = otherEditor;
			this.request = request;
		}

		int expected(Caller caller, Request request) {
			return switch (caller) {
				case ANONYMOUS, DELETED_USER -> this.anonymous;
				case CLIENT_TOKEN_BEARER, CLIENT_TOKEN_DATADOG -> this.clientToken;
				case VIEWER, DEMOTED_ADMIN -> this.viewer;
				case EDITOR -> this.editor;
				case ADMIN -> this.admin;
				case OTHER_EDITOR -> this.otherEditor;
				case READ_ONLY_TOKEN -> request.safe() ? this.admin : 403;
				case DATADOG_API_KEY_ONLY -> request.path().startsWith(DATADOG_PREFIX) ? this.viewer : this.anonymous;
			};
		}

		private static Request get(String path) {
			return new Request("GET", path, null);
		}

		private static Request delete(String path) {
			return new Request("DELETE", path, null);
		}

	}

	record Request(String method, String path, Object body) {

		boolean safe() {
			return "GET".equals(this.method) || "HEAD".equals(this.method);
		}

	}

	/**
	 * What a request acts on.
	 *
	 * @param f the fixtures
	 * @param owner the owner of the playlists and tokens it changes
	 */
	record Target(Fixtures f, TestUser owner) {

		long playlist() {
			return this.f.newPlaylist(this.owner);
		}

		long playlistWithSession() {
			long playlist = playlist();
			HttpResponse<String> response = this.f.http()
				.send("POST", "/api/v1/playlists/" + playlist + "/items", this.owner.basic(),
						Map.of("sessionId", this.f.session()));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return playlist;
		}

	}

	record Fixtures(ReplayClient client, TestUsers http, TestSessions sessions, Map<Caller, TestUser> users,
			Map<Caller, String> apiTokens, TestUser editor, TestUser owner, String session,
			BrowserSession demotedAdmin) {

		private static String readOnlyToken(TestUsers users, TestUser user) {
			HttpResponse<String> response = users.send("POST", "/api/v1/me/tokens", user.basic(),
					Map.of("name", "read-only", "scope", "read-only"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return ReplayClient.json(response.body()).path("token").asString();
		}

		static Fixtures create(ReplayClient client) {
			TestUsers users = new TestUsers(client);
			TestSessions sessions = new TestSessions(client);
			TestUser viewer = users.create("viewer");
			TestUser editor = users.create("editor");
			TestUser admin = users.create("admin");
			TestUser owner = users.create("editor");
			Map<Caller, TestUser> byCaller = Map.of(Caller.VIEWER, viewer, Caller.EDITOR, editor, Caller.ADMIN, admin,
					Caller.OTHER_EDITOR, editor);
			String viewerToken = users.tokenFor(viewer);
			Map<Caller, String> tokens = Map.of(Caller.VIEWER, viewerToken, Caller.EDITOR, users.tokenFor(editor),
					Caller.ADMIN, users.tokenFor(admin), Caller.OTHER_EDITOR, users.tokenFor(editor),
					Caller.READ_ONLY_TOKEN, readOnlyToken(users, admin), Caller.DATADOG_API_KEY_ONLY, viewerToken);
			TestUser demoted = users.create("admin");
			BrowserSession demotedAdmin = BrowserSession.signedIn(client, demoted.username(), TestUsers.PASSWORD);
			HttpResponse<String> demotion = users.send("PATCH", "/api/v1/users/" + demoted.id(),
					ReplayClient.ADMIN_BASIC, Map.of("role", "viewer"));
			assertThat(demotion.statusCode()).as(demotion.body()).isEqualTo(200);
			return new Fixtures(client, users, sessions, byCaller, tokens, editor, owner, sessions.record(),
					demotedAdmin);
		}

		HttpResponse<String> send(Request request, Caller caller) {
			if (caller == Caller.DEMOTED_ADMIN) {
				return this.demotedAdmin.send(request.method(), request.path(), request.body());
			}
			if (caller == Caller.DELETED_USER) {
				TestUser deleted = this.http.create("admin");
				BrowserSession browser = BrowserSession.signedIn(this.client, deleted.username(), TestUsers.PASSWORD);
				HttpResponse<String> deletion = this.http.send("DELETE", "/api/v1/users/" + deleted.id(),
						ReplayClient.ADMIN_BASIC, null);
				assertThat(deletion.statusCode()).as(deletion.body()).isEqualTo(204);
				return browser.send(request.method(), request.path(), request.body());
			}
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.client.uri(request.path()));
			boolean datadog = request.path().startsWith(DATADOG_PREFIX);
			switch (caller) {
				case ANONYMOUS -> {
				}
				case CLIENT_TOKEN_BEARER -> builder.header("Authorization", "Bearer " + this.sessions.clientToken());
				case CLIENT_TOKEN_DATADOG -> builder.header("DD-API-KEY", this.sessions.clientToken())
					.header("DD-APPLICATION-KEY", this.sessions.clientToken());
				case READ_ONLY_TOKEN -> {
					if (datadog) {
						builder.header("DD-API-KEY", "any").header("DD-APPLICATION-KEY", this.apiTokens.get(caller));
					}
					else {
						builder.header("Authorization", "Bearer " + this.apiTokens.get(caller));
					}
				}
				case DATADOG_API_KEY_ONLY -> builder.header("DD-API-KEY", this.apiTokens.get(caller));
				default -> {
					if (datadog) {
						builder.header("DD-API-KEY", "any").header("DD-APPLICATION-KEY", this.apiTokens.get(caller));
					}
					else {
						builder.header("Authorization", this.users.get(caller).basic());
					}
				}
			}
			if (request.body() != null) {
				builder.header("Content-Type", "application/json")
					.method(request.method(), HttpRequest.BodyPublishers
						.ofString(ReplayClient.mapper().writeValueAsString(request.body())));
			}
			else {
				builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
			}
			return this.client.send(builder);
		}

		long newPlaylist(TestUser owner) {
			HttpResponse<String> response = this.http.send("POST", "/api/v1/playlists", owner.basic(),
					Map.of("name", "owned by " + owner.username()));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return ReplayClient.json(response.body()).path("id").asLong();
		}

		String newTokenId(TestUser owner) {
			HttpResponse<String> response = this.http.send("POST", "/api/v1/me/tokens", owner.basic(),
					Map.of("name", "to revoke"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return ReplayClient.json(response.body()).path("id").asString();
		}

		TestUser newUser() {
			return this.http.create("viewer");
		}

		String newClientTokenId() {
			HttpResponse<String> response = this.client.postJsonAsAdmin("/api/v1/client-tokens",
					Map.of("name", "to revoke"));
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
			return ReplayClient.json(response.body()).path("id").asString();
		}

	}

	enum OutsideGrant {

		GET_SESSION((s) -> get("/api/v1/sessions/" + s)),

		SESSION_EVENTS((s) -> get("/api/v1/sessions/" + s + "/events")),

		SESSION_PREVIEW((s) -> get("/api/v1/sessions/" + s + "/events?preview=true&from=0&to=1000")),

		SESSION_CONTINUATION((s) -> get("/api/v1/sessions/" + s + "/events?continuation=true&from=1000")),

		SESSION_RUM((s) -> get("/api/v1/sessions/" + s + "/rum")),

		SESSION_RUM_SUMMARY((s) -> get("/api/v1/sessions/" + s + "/rum/summary")),

		SESSION_TIMELINE((s) -> get("/api/v1/sessions/" + s + "/timeline")),

		SESSION_VIEWS((s) -> get("/api/v1/sessions/" + s + "/views")),

		SESSION_RESOURCE((s) -> get("/api/v1/sessions/" + s + "/resources/image.png")),

		WATCHERS((s) -> get("/api/v1/sessions/" + s + "/watchers")),

		ADD_TO_OWN_PLAYLIST((s) -> new Request("POST", "/api/v1/playlists/{own}/items", Map.of("sessionId", s))),

		DATADOG_ADD_TO_OWN_PLAYLIST(
				(s) -> new Request("PUT", "/api/v2/rum/replay/playlists/{own}/sessions/" + s + "?ts=1000", null)),

		DATADOG_RECORD_WATCH((s) -> new Request("POST", "/api/v2/rum/replay/sessions/" + s + "/watches",
				Map.of("data", Map.of("type", "rum_replay_watch", "attributes", Map.of())))),

		DATADOG_FORGET_WATCHES((s) -> new Request("DELETE", "/api/v2/rum/replay/sessions/" + s + "/watches", null)),

		DATADOG_WATCHERS((s) -> get("/api/v2/rum/replay/sessions/" + s + "/watchers"));

		final Function<String, Request> request;

		OutsideGrant(Function<String, Request> request) {
			this.request = request;
		}

		private static Request get(String path) {
			return new Request("GET", path, null);
		}

	}

	/**
	 * An editor granted only an application of their own, with a session of it they
	 * watched, who had watched the fixtures' session before the grant was narrowed.
	 *
	 * @param f the fixtures
	 * @param user the editor
	 * @param apiToken their personal API token
	 * @param ownSession the session of their application
	 * @param ownPlaylist a playlist of theirs
	 */
	record Outsider(Fixtures f, TestUser user, String apiToken, String ownSession, long ownPlaylist) {

		private static Outsider outsider;

		static synchronized Outsider of(Fixtures fixtures) {
			if (outsider == null || outsider.f() != fixtures) {
				TestUser user = fixtures.http().create("editor");
				TestSessions own = new TestSessions(fixtures.client());
				String ownSession = own.record();
				for (String session : List.of(fixtures.session(), ownSession)) {
					HttpResponse<String> played = fixtures.http()
						.send("GET", "/api/v1/sessions/" + session + "/events", user.basic(), null);
					assertThat(played.statusCode()).as(played.body()).isEqualTo(200);
				}
				HttpResponse<String> granted = fixtures.http()
					.send("PATCH", "/api/v1/users/" + user.id(), ReplayClient.ADMIN_BASIC,
							Map.of("applications", List.of(own.applicationId())));
				assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
				outsider = new Outsider(fixtures, user, fixtures.http().tokenFor(user), ownSession,
						fixtures.newPlaylist(user));
			}
			return outsider;
		}

		HttpResponse<String> send(Request request) {
			String path = request.path().replace("{own}", Long.toString(this.ownPlaylist));
			if (!path.startsWith(DATADOG_PREFIX)) {
				return this.f.http().send(request.method(), path, this.user.basic(), request.body());
			}
			HttpRequest.Builder builder = HttpRequest.newBuilder(this.f.client().uri(path))
				.header("DD-API-KEY", "any")
				.header("DD-APPLICATION-KEY", this.apiToken);
			if (request.body() != null) {
				builder.header("Content-Type", "application/json")
					.method(request.method(), HttpRequest.BodyPublishers
						.ofString(ReplayClient.mapper().writeValueAsString(request.body())));
			}
			else {
				builder.method(request.method(), HttpRequest.BodyPublishers.noBody());
			}
			return this.f.client().send(builder);
		}

	}

}
