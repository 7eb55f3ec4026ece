package dev.replay.api.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class ApiTokenIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	@Test
	void issuesTokenThatAuthenticatesAsBearer() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		HttpResponse<String> me = this.client.get("/api/v1/me", TestUsers.bearer(token));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(me.body()).path("username").asString()).isEqualTo(viewer.username());
	}

	@Test
	void streamsAWholeSessionToATokenAsToASignedInUser() throws Exception {
		String sessionId = RrwebCorpus.ingest(this.client, "long-article");
		TestUser viewer = this.users.create("viewer");
		String path = "/api/v1/sessions/" + sessionId + "/events";
		HttpResponse<String> withToken = this.client.get(path, TestUsers.bearer(this.users.tokenFor(viewer)));
		HttpResponse<String> withPassword = this.client.get(path, viewer.basic());
		assertThat(withToken.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(withToken.body()).size()).isGreaterThan(100)
			.isEqualTo(ReplayClient.json(withPassword.body()).size());
	}

	@Test
	void listsTokensWithLastUseButNeverTheirValue() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		this.client.get("/api/v1/me", TestUsers.bearer(token));
		HttpResponse<String> list = this.client.get("/api/v1/me/tokens", viewer.basic());
		assertThat(list.body()).doesNotContain(token);
		JsonNode listed = ReplayClient.json(list.body()).get(0);
		assertThat(listed.path("name").asString()).isEqualTo("test");
		assertThat(listed.path("lastUsedAt").isNull()).isFalse();
		assertThat(token).startsWith(listed.path("prefix").asString());
	}

	@Test
	void storesOnlyTheHashOfTokens() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		Long plain = this.jdbc.sql("select count(*) from api_token where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single();
		assertThat(plain).isZero();
	}

	@Test
	void refusesRevokedToken() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		String id = ReplayClient.json(this.client.get("/api/v1/me/tokens", viewer.basic()).body())
			.get(0)
			.path("id")
			.asString();
		assertThat(this.users.send("DELETE", "/api/v1/me/tokens/" + id, viewer.basic(), null).statusCode())
			.isEqualTo(200);
		assertThat(this.client.get("/api/v1/me", TestUsers.bearer(token)).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesRevokingAnotherUsersToken() {
		TestUser owner = this.users.create("viewer");
		TestUser other = this.users.create("admin");
		this.users.tokenFor(owner);
		String id = ReplayClient.json(this.client.get("/api/v1/me/tokens", owner.basic()).body())
			.get(0)
			.path("id")
			.asString();
		UserIntegrationTests.assertProblem(this.users.send("DELETE", "/api/v1/me/tokens/" + id, other.basic(), null),
				404, "api-token-not-found");
	}

	@Test
	void authenticatesDatadogApplicationKey() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		HttpResponse<String> me = this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me"))
			.header("DD-API-KEY", "anything")
			.header("DD-APPLICATION-KEY", token));
		assertThat(me.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesClientTokenAsBearer() {
		String clientToken = this.client.createApplication("bearer").path("clientToken").asString();
		HttpResponse<String> response = this.client.get("/api/v1/sessions", TestUsers.bearer(clientToken));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.users.send("POST", "/api/v1/me/tokens", TestUsers.bearer(clientToken), Map.of("name", "x"))
			.statusCode()).isEqualTo(401);
	}

	@Test
	void issuesTokenWithExpiryAndScopeAndListsBoth() {
		TestUser viewer = this.users.create("viewer");
		Instant before = Instant.now();
		HttpResponse<String> created = this.users.send("POST", "/api/v1/me/tokens", viewer.basic(),
				Map.of("name", "ci", "expiresInDays", 30, "scope", "read-only"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode token = ReplayClient.json(created.body());
		assertThat(token.path("scope").asString()).isEqualTo("read-only");
		assertThat(Instant.parse(token.path("expiresAt").asString())).isBetween(before.plus(Duration.ofDays(30)),
				Instant.now().plus(Duration.ofDays(30)));
		this.users.tokenFor(viewer);
		JsonNode listed = ReplayClient.json(this.client.get("/api/v1/me/tokens", viewer.basic()).body());
		assertThat(listed.get(0).path("scope").asString()).isEqualTo("read-only");
		assertThat(listed.get(0).path("expiresAt").asString()).isEqualTo(token.path("expiresAt").asString());
		// without them: no expiry, and whatever the owner's role allows
		assertThat(listed.get(1).path("scope").asString()).isEqualTo("full");
		assertThat(listed.get(1).has("expiresAt")).isTrue();
		assertThat(listed.get(1).path("expiresAt").isNull()).isTrue();
	}

	@Test
	void refusesExpiredToken() {
		TestUser viewer = this.users.create("viewer");
		String token = tokenFor(viewer, Map.of("name", "short", "expiresInDays", 1));
		assertThat(this.client.get("/api/v1/me", TestUsers.bearer(token)).statusCode()).isEqualTo(200);
		this.jdbc.sql("update api_token set expires_at = now() - interval '1 second' where token_hash = ?")
			.param(ApiTokens.hash(token))
			.update();
		UserIntegrationTests.assertProblem(this.client.get("/api/v1/me", TestUsers.bearer(token)), 401,
				"unauthenticated");
	}

	@Test
	void refusesExpiryOutOfBounds() {
		TestUser viewer = this.users.create("viewer");
		for (Object days : new Object[] { 0, -1, 366, 100000, "soon" }) {
			UserIntegrationTests.assertProblem(this.users.send("POST", "/api/v1/me/tokens", viewer.basic(),
					Map.of("name", "x", "expiresInDays", days)), 400, "bad-request");
		}
		assertThat(ReplayClient.json(this.client.get("/api/v1/me/tokens", viewer.basic()).body())).isEmpty();
	}

	@Test
	void refusesUnknownFieldsAndScopes() {
		TestUser viewer = this.users.create("viewer");
		// a misspelt field must not issue a token stronger than asked for
		UserIntegrationTests.assertProblem(
				this.users.send("POST", "/api/v1/me/tokens", viewer.basic(), Map.of("name", "x", "expiresIn", 7)), 400,
				"bad-request");
		UserIntegrationTests.assertProblem(
				this.users.send("POST", "/api/v1/me/tokens", viewer.basic(), Map.of("name", "x", "readOnly", true)),
				400, "bad-request");
		UserIntegrationTests.assertProblem(
				this.users.send("POST", "/api/v1/me/tokens", viewer.basic(), Map.of("name", "x", "scope", "admin")),
				400, "bad-request");
		assertThat(ReplayClient.json(this.client.get("/api/v1/me/tokens", viewer.basic()).body())).isEmpty();
	}

	@Test
	void readOnlyTokenOfAnAdminOnlyReads() {
		TestUser admin = this.users.create("admin");
		String token = tokenFor(admin, Map.of("name", "dashboards", "scope", "read-only"));
		String bearer = TestUsers.bearer(token);
		assertThat(this.client.get("/api/v1/users", bearer).statusCode()).isEqualTo(200);
		assertThat(this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me"))
				.header("Authorization", bearer)
				.method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.statusCode()).isEqualTo(200);
		// it cannot issue itself a stronger token, nor change anything
		UserIntegrationTests.assertProblem(
				this.users.send("POST", "/api/v1/me/tokens", bearer, Map.of("name", "escalate")), 403, "forbidden");
		UserIntegrationTests.assertProblem(this.users.send("POST", "/api/v1/users", bearer,
				Map.of("username", "made-" + admin.username(), "password", TestUsers.PASSWORD, "role", "admin")), 403,
				"forbidden");
		UserIntegrationTests.assertProblem(this.users.send("POST", "/api/v1/playlists", bearer, Map.of("name", "x")),
				403, "forbidden");
		assertThat(ReplayClient.json(this.client.get("/api/v1/me/tokens", admin.basic()).body())).hasSize(1);
	}

	@Test
	void adminListsAndRevokesAnotherUsersTokens() {
		TestUser owner = this.users.create("viewer");
		TestUser admin = this.users.create("admin");
		String token = tokenFor(owner, Map.of("name", "laptop", "scope", "read-only"));
		HttpResponse<String> listed = this.client.get("/api/v1/users/" + owner.id() + "/tokens", admin.basic());
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).doesNotContain(token);
		JsonNode details = ReplayClient.json(listed.body()).get(0);
		assertThat(details.path("name").asString()).isEqualTo("laptop");
		assertThat(details.path("scope").asString()).isEqualTo("read-only");
		String id = details.path("id").asString();

		HttpResponse<String> revoked = this.users.send("DELETE", "/api/v1/users/" + owner.id() + "/tokens/" + id,
				admin.basic(), null);
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(revoked.body()).path("revokedAt").isNull()).isFalse();
		assertThat(this.client.get("/api/v1/me", TestUsers.bearer(token)).statusCode()).isEqualTo(401);
		JsonNode audit = ReplayClient
			.json(this.client.getAsAdmin("/api/v1/audit-events?action=api-token.revoked&targetId=" + id).body())
			.path("items")
			.get(0);
		assertThat(audit.path("actor").asString()).isEqualTo(admin.username());
		assertThat(audit.path("details").path("owner").asString()).isEqualTo(owner.username());
	}

	@Test
	void onlyAdminsSeeOrRevokeAnotherUsersTokens() {
		TestUser owner = this.users.create("viewer");
		TestUser editor = this.users.create("editor");
		TestUser admin = this.users.create("admin");
		this.users.tokenFor(owner);
		String id = ReplayClient.json(this.client.get("/api/v1/me/tokens", owner.basic()).body())
			.get(0)
			.path("id")
			.asString();
		UserIntegrationTests.assertProblem(this.client.get("/api/v1/users/" + owner.id() + "/tokens", editor.basic()),
				403, "forbidden");
		UserIntegrationTests.assertProblem(
				this.users.send("DELETE", "/api/v1/users/" + owner.id() + "/tokens/" + id, editor.basic(), null), 403,
				"forbidden");
		// a token is revoked under its owner only
		UserIntegrationTests.assertProblem(
				this.users.send("DELETE", "/api/v1/users/" + editor.id() + "/tokens/" + id, admin.basic(), null), 404,
				"api-token-not-found");
		UserIntegrationTests.assertProblem(
				this.client.get("/api/v1/users/" + UUID.randomUUID() + "/tokens", admin.basic()), 404,
				"user-not-found");
		assertThat(ReplayClient.json(this.client.get("/api/v1/me/tokens", owner.basic()).body())
			.get(0)
			.path("revokedAt")
			.isNull()).isTrue();
	}

	@Test
	void authenticatesDatadogApiKeyAloneOnDatadogEndpointsOnly() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		HttpResponse<String> datadog = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v2/rum/replay/playlists")).header("DD-API-KEY", token));
		assertThat(datadog.statusCode()).as(datadog.body()).isEqualTo(200);
		UserIntegrationTests.assertProblem(
				this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me")).header("DD-API-KEY", token)),
				401, "unauthenticated");
		// an unknown key is refused there, as an unknown application key is
		UserIntegrationTests
			.assertProblem(this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v2/rum/replay/playlists"))
				.header("DD-API-KEY", "rpl_unknown")), 401, "unauthenticated");
	}

	private String tokenFor(TestUser user, Map<String, Object> request) {
		HttpResponse<String> response = this.users.send("POST", "/api/v1/me/tokens", user.basic(), request);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return ReplayClient.json(response.body()).path("token").asString();
	}

}
