package dev.replay.api.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.RrwebCorpus;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class ApiTokenIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	@BeforeEach
	void createClient() {
		this.client = new ReplayClient(this.port);
		this.users = new TestUsers(this.client);
	}

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
		String path = "/api/v1/sessions/" + sessionId + "/events?preview=true";
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

}
