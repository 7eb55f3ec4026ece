package dev.replay.api.security;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ReplayIntegrationTest
class SignInIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SignInAuditor auditor;

	ReplayClient client;

	TestUsers users;

	CookieManager cookies;

	HttpClient browser;

	@BeforeEach
	void createClients() {
		this.cookies = new CookieManager();
		this.browser = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	@Test
	void signsInWithFormAndServesCookieSession() throws Exception {
		TestUser viewer = this.users.create("viewer");
		assertThat(signIn(viewer.username(), TestUsers.PASSWORD).statusCode()).isEqualTo(200);
		HttpResponse<String> me = this.browser.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(me.body()).path("username").asString()).isEqualTo(viewer.username());
		assertThat(ReplayClient.json(me.body()).path("role").asString()).isEqualTo("viewer");
	}

	@Test
	void refusesSignInWithoutCsrfToken() throws Exception {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> response = this.browser.send(form(viewer.username(), TestUsers.PASSWORD).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void refusesCookieSessionChangeWithoutCsrfHeader() throws Exception {
		TestUser viewer = this.users.create("viewer");
		signIn(viewer.username(), TestUsers.PASSWORD);
		HttpResponse<String> without = this.browser.send(createToken().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(without.statusCode()).isEqualTo(403);
		assertThat(without.headers().firstValue("Content-Type")).contains("application/problem+json");
		HttpResponse<String> with = this.browser.send(
				createToken().header("X-XSRF-TOKEN", BrowserSession.xsrf(this.cookies)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(with.statusCode()).isEqualTo(201);
	}

	@Test
	void acceptsBasicAndBearerChangesWithoutCsrfToken() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		assertThat(this.users.send("POST", "/api/v1/me/tokens", TestUsers.bearer(token), Map.of("name", "more"))
			.statusCode()).isEqualTo(201);
		assertThat(this.users.send("POST", "/api/v1/me/tokens", viewer.basic(), Map.of("name", "again")).statusCode())
			.isEqualTo(201);
	}

	@Test
	void keepsBasicAndBearerRequestsStateless() {
		TestUser viewer = this.users.create("viewer");
		String token = this.users.tokenFor(viewer);
		HttpResponse<String> basic = this.client.get("/api/v1/me", viewer.basic());
		HttpResponse<String> bearer = this.users.send("POST", "/api/v1/me/tokens", TestUsers.bearer(token),
				Map.of("name", "stateless"));
		assertThat(basic.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		assertThat(bearer.headers().allValues("Set-Cookie")).noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
	}

	@Test
	void signsOutOfCookieSession() throws Exception {
		TestUser viewer = this.users.create("viewer");
		signIn(viewer.username(), TestUsers.PASSWORD);
		HttpResponse<String> signOut = this.browser
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/auth/sign-out"))
				.header("X-XSRF-TOKEN", BrowserSession.xsrf(this.cookies))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signOut.statusCode()).isEqualTo(204);
		HttpResponse<String> me = this.browser.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(me.statusCode()).isEqualTo(401);
	}

	@Test
	void refusesBasicChangeFromAnotherSiteWithoutCsrfToken() {
		TestUser viewer = this.users.create("viewer");
		HttpResponse<String> response = this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me/tokens"))
			.header("Authorization", viewer.basic())
			.header("Sec-Fetch-Site", "cross-site")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"forged\"}")));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void auditsFailedSignIns() throws Exception {
		String username = "nobody-" + System.nanoTime();
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(username, "wrong")).statusCode()).isEqualTo(401);
		assertThat(signIn(username, "wrong").statusCode()).isEqualTo(401);
		// the first failure is written at once, the others of its minute as a summary
		this.auditor.flushAll();
		Long failures = this.jdbc
			.sql("select sum((details ->> 'count')::int) from audit_event where actor = ? "
					+ "and action = 'sign-in.failed' and target_id = ? and client_address is not null")
			.param(username)
			.param(username)
			.query(Long.class)
			.single();
		assertThat(failures).isEqualTo(2);
	}

	@Test
	void offersPasswordsOnlyWithoutProvider() {
		HttpResponse<String> options = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/auth/sign-in-options")));
		assertThat(options.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(options.body()).path("localSignIn").asBoolean()).isTrue();
		assertThat(ReplayClient.json(options.body()).path("singleSignOn").isNull()).isTrue();
		HttpResponse<String> start = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/oauth2/authorization/sso")));
		assertThat(start.statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> signIn(String username, String password) throws Exception {
		this.browser.send(HttpRequest.newBuilder(this.client.uri("/api/v1/auth/csrf")).build(),
				HttpResponse.BodyHandlers.discarding());
		return this.browser.send(
				form(username, password).header("X-XSRF-TOKEN", BrowserSession.xsrf(this.cookies)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder form(String username, String password) {
		return HttpRequest.newBuilder(this.client.uri("/api/v1/auth/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password));
	}

	private HttpRequest.Builder createToken() {
		return HttpRequest.newBuilder(this.client.uri("/api/v1/me/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"from the player\"}"));
	}

}
