package dev.replay.api.security;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SingleSignOnSetup;
import dev.replay.TestSessions;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on against a real OpenID provider, driven through the whole authorization
 * code flow by an HTTP client that follows redirects and keeps cookies, as a browser
 * does.
 */
@ReplayIntegrationTest
class SingleSignOnIntegrationTests extends SingleSignOnSetup {

	@Autowired
	JdbcClient jdbc;

	@Test
	void createsTheUserAtFirstSignInWithTheRoleOfTheirGroup() throws Exception {
		String name = "erin-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(claims(name, "staff", "replay-editors"));
		HttpClient browser = browser();

		HttpResponse<String> landed = signInWithProvider(browser, login, null);

		assertThat(landed.statusCode()).isEqualTo(200);
		assertThat(landed.uri()).isEqualTo(replay("/"));
		JsonNode me = me(browser);
		assertThat(me.path("username").asString()).isEqualTo(name);
		assertThat(me.path("role").asString()).isEqualTo("editor");
		Map<String, Object> row = this.jdbc
			.sql("select id, password_hash, sso_issuer, sso_subject, role from app_user where username = ?")
			.param(name)
			.query()
			.singleRow();
		assertThat(row).containsEntry("sso_issuer", provider().issuer())
			.containsEntry("sso_subject", login)
			.containsEntry("role", "editor")
			.containsEntry("password_hash", null);
		assertThat(row.get("id").toString()).isEqualTo(me.path("id").asString());
		assertThat(auditCount(name, "user.created")).isEqualTo(1);
		assertThat(auditCount(name, "sign-in.succeeded")).isEqualTo(1);
	}

	@Test
	void givesTheDefaultRoleWhenNoGroupMaps() throws Exception {
		String name = "finn-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(claims(name, "staff"));
		HttpClient browser = browser();

		signInWithProvider(browser, login, null);

		assertThat(me(browser).path("role").asString()).isEqualTo("viewer");
	}

	@Test
	void changesTheRoleAtTheNextSignInWhenTheGroupsChange() throws Exception {
		String name = "gail-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(claims(name, "replay-editors"));
		HttpClient first = browser();
		signInWithProvider(first, login, null);
		String id = me(first).path("id").asString();
		assertThat(me(first).path("role").asString()).isEqualTo("editor");

		provider().setClaims(login, claims(name, "replay-admins"));
		HttpClient second = browser();
		signInWithProvider(second, login, null);

		JsonNode me = me(second);
		assertThat(me.path("id").asString()).isEqualTo(id);
		assertThat(me.path("role").asString()).isEqualTo("admin");
		assertThat(get(second, "/api/v1/audit-events?action=user.role-changed").statusCode()).isEqualTo(200);
		assertThat(auditCount(name, "user.role-changed")).isEqualTo(1);
		assertThat(auditCount(name, "user.created")).isEqualTo(1);
	}

	@Test
	void grantsTheApplicationsTheClaimListsAtEverySignIn(TestSessions a, TestSessions b) throws Exception {
		String sessionOfA = a.record();
		String sessionOfB = b.record();
		String name = "hana-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(withApplications(claims(name, "staff"),
				List.of(a.applicationId().toString(), "not-an-id", UUID.randomUUID().toString())));
		HttpClient first = browser();
		signInWithProvider(first, login, null);

		assertThat(me(first).path("applications").get(0).asString()).isEqualTo(a.applicationId().toString());
		assertThat(me(first).path("applications").size()).isEqualTo(1);
		assertThat(get(first, "/api/v1/sessions/" + sessionOfA).statusCode()).isEqualTo(200);
		assertThat(get(first, "/api/v1/sessions/" + sessionOfB).statusCode()).isEqualTo(404);

		provider().setClaims(login, withApplications(claims(name, "staff"), "all"));
		HttpClient second = browser();
		signInWithProvider(second, login, null);

		assertThat(me(second).path("applications").asString()).isEqualTo("all");
		assertThat(get(second, "/api/v1/sessions/" + sessionOfB).statusCode()).isEqualTo(200);
		assertThat(get(first, "/api/v1/sessions/" + sessionOfB).statusCode())
			.as("the grant applies to the sessions signed in before")
			.isEqualTo(200);
		signInWithProvider(browser(), login, null);
		assertThat(auditCount(name, "user.applications-changed")).as("changed twice, then unchanged").isEqualTo(2);
	}

	@Test
	void grantsNoApplicationWhenTheClaimIsMissing(TestSessions sessions) throws Exception {
		String session = sessions.record();
		String name = "ivan-" + UUID.randomUUID().toString().substring(0, 8);
		HttpClient browser = browser();
		signInWithProvider(browser, provider().createUser(claims(name, "staff")), null);

		assertThat(me(browser).path("applications").isArray()).isTrue();
		assertThat(me(browser).path("applications").size()).isZero();
		assertThat(get(browser, "/api/v1/sessions/" + session).statusCode()).isEqualTo(404);
	}

	private static Map<String, Object> withApplications(Map<String, Object> claims, Object applications) {
		Map<String, Object> with = new HashMap<>(claims);
		with.put(APPLICATIONS, applications);
		return with;
	}

	@Test
	void neverTakesOverALocalUserOfTheSameName(TestUsers users) throws Exception {
		TestUser local = users.create("admin");
		String login = provider().createUser(claims(local.username(), "staff"));
		HttpClient browser = browser();

		signInWithProvider(browser, login, null);

		JsonNode me = me(browser);
		assertThat(me.path("id").asString()).isNotEqualTo(local.id().toString());
		assertThat(me.path("username").asString()).startsWith(local.username() + "~")
			.hasSize(local.username().length() + 9);
		assertThat(me.path("role").asString()).isEqualTo("viewer");
		HttpResponse<String> localMe = this.client.get("/api/v1/me", local.basic());
		assertThat(ReplayClient.json(localMe.body()).path("role").asString()).isEqualTo("admin");
	}

	@Test
	void landsOnThePageAskedForButNeverOnAnotherSite() throws Exception {
		String login = provider().createUser(claims("hal-" + UUID.randomUUID().toString().substring(0, 8)));

		HttpResponse<String> deepLink = signInWithProvider(browser(), login, "/playlists?mine=true");
		HttpResponse<String> elsewhere = signInWithProvider(browser(), login, "//evil.example/playlists");

		assertThat(deepLink.uri()).isEqualTo(replay("/playlists?mine=true"));
		assertThat(elsewhere.uri()).isEqualTo(replay("/"));
	}

	@Test
	void protectsTheCookieSessionAgainstForgedRequests() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String login = provider().createUser(claims("ida-" + UUID.randomUUID().toString().substring(0, 8)));
		signInWithProvider(browser, login, null);

		HttpResponse<String> forged = browser.send(createToken().build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> own = browser.send(
				createToken().header("X-XSRF-TOKEN", BrowserSession.xsrf(cookies)).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(own.statusCode()).isEqualTo(201);
	}

	@Test
	void refusesAPasswordChangeOfAProviderUser() throws Exception {
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		String login = provider().createUser(claims("kai-" + UUID.randomUUID().toString().substring(0, 8)));
		signInWithProvider(browser, login, null);

		HttpResponse<String> change = browser.send(HttpRequest.newBuilder(replay("/api/v1/me/password"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", BrowserSession.xsrf(cookies))
			.PUT(HttpRequest.BodyPublishers
				.ofString("{\"currentPassword\":\"\",\"newPassword\":\"a-long-new-password\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(change.statusCode()).isEqualTo(400);
		assertThat(change.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(me(browser).path("username").asString()).startsWith("kai-");
	}

	@Test
	void refusesTheProviderUsersNameAsAPasswordSignIn() throws Exception {
		String name = "jo-" + UUID.randomUUID().toString().substring(0, 8);
		String login = provider().createUser(claims(name));
		signInWithProvider(browser(), login, null);

		HttpResponse<String> basic = this.client.get("/api/v1/me", TestUsers.basic(name, ""));

		assertThat(basic.statusCode()).isEqualTo(401);
	}

	@Test
	void keepsPasswordAndTokenSignInsBesideSingleSignOn(TestUsers users) throws Exception {
		TestUser viewer = users.create("viewer");
		String token = users.tokenFor(viewer);

		assertThat(this.client.get("/api/v1/me", viewer.basic()).statusCode()).isEqualTo(200);
		assertThat(this.client.get("/api/v1/me", TestUsers.bearer(token)).statusCode()).isEqualTo(200);
		HttpResponse<String> anonymous = this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/me")));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Basic"));
		HttpResponse<String> form = new BrowserSession(this.client).signIn(viewer.username(), TestUsers.PASSWORD);
		assertThat(form.statusCode()).isEqualTo(200);
	}

	@Test
	void tellsTheSignInPageAboutTheProvider() {
		HttpResponse<String> options = this.client
			.send(HttpRequest.newBuilder(this.client.uri("/api/v1/auth/sign-in-options")));

		assertThat(options.statusCode()).isEqualTo(200);
		JsonNode body = ReplayClient.json(options.body());
		assertThat(body.path("localSignIn").asBoolean()).isTrue();
		assertThat(body.path("singleSignOn").path("name").asString()).isEqualTo(PROVIDER_NAME);
		assertThat(body.path("singleSignOn").path("url").asString()).isEqualTo("/oauth2/authorization/sso");
	}

	@Test
	void sendsAFailedSignInBackToTheSignInPageAndAuditsIt() throws Exception {
		long before = failedSignIns();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		HttpResponse<String> answer = browser.send(
				HttpRequest.newBuilder(replay("/login/oauth2/code/sso?code=forged&state=forged")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error=sso"));
		assertThat(failedSignIns()).isEqualTo(before + 1);
	}

	private JsonNode me(HttpClient browser) throws Exception {
		HttpResponse<String> me = get(browser, "/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		return ReplayClient.json(me.body());
	}

	private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(replay(path)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder createToken() {
		return HttpRequest.newBuilder(replay("/api/v1/me/tokens"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"after single sign-on\"}"));
	}

	private long auditCount(String actor, String action) {
		return this.jdbc.sql("select count(*) from audit_event where actor = ? and action = ?")
			.param(actor)
			.param(action)
			.query(Long.class)
			.single();
	}

	private long failedSignIns() {
		return this.jdbc
			.sql("select count(*) from audit_event where action = 'sign-in.failed' and details ->> 'method' = 'sso'")
			.query(Long.class)
			.single();
	}

}
