package dev.replay.api.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browser (cookie) sessions see their user as stored now: a new role from the next
 * request, a deleted user or a new password ends the session; sign-in and sign-out are
 * audited; the cookies are {@code SameSite=Lax}.
 */
@ReplayIntegrationTest
class BrowserSessionIntegrationTests {

	private static final String NEW_PASSWORD = "a-brand-new-password";

	@Autowired
	JdbcClient jdbc;

	ReplayClient client;

	TestUsers users;

	@Test
	void demotedAdminLosesAdminRightsOnTheNextRequest() {
		TestUser admin = this.users.create("admin");
		BrowserSession browser = BrowserSession.signedIn(this.client, admin.username(), TestUsers.PASSWORD);
		assertThat(browser.get("/api/v1/users").statusCode()).isEqualTo(200);
		demote(admin, "viewer");
		HttpResponse<String> me = browser.get("/api/v1/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(ReplayClient.json(me.body()).path("role").asString()).isEqualTo("viewer");
		HttpResponse<String> create = browser.send("POST", "/api/v1/users", Map.of("username",
				"made-by-demoted-" + System.nanoTime(), "password", TestUsers.PASSWORD, "role", "admin"));
		assertProblem(create, 403, "forbidden");
		HttpResponse<String> promote = browser.send("PATCH", "/api/v1/users/" + admin.id(), Map.of("role", "admin"));
		assertProblem(promote, 403, "forbidden");
		// and the other way round: promoted from the next request on
		demote(admin, "admin");
		assertThat(browser.get("/api/v1/users").statusCode()).isEqualTo(200);
	}

	@Test
	void deletedUserIsSignedOutAtOnce() {
		TestUser editor = this.users.create("editor");
		BrowserSession browser = BrowserSession.signedIn(this.client, editor.username(), TestUsers.PASSWORD);
		assertThat(browser.get("/api/v1/sessions").statusCode()).isEqualTo(200);
		assertThat(
				this.users.send("DELETE", "/api/v1/users/" + editor.id(), ReplayClient.ADMIN_BASIC, null).statusCode())
			.isEqualTo(204);
		assertProblem(browser.get("/api/v1/sessions"), 401, "unauthenticated");
		assertProblem(browser.send("POST", "/api/v1/me/tokens", Map.of("name", "after deletion")), 401,
				"unauthenticated");
		assertProblem(browser.send("POST", "/api/v1/playlists", Map.of("name", "after deletion")), 401,
				"unauthenticated");
		assertProblem(browser.get("/api/v1/me"), 401, "unauthenticated");
	}

	@Test
	void deletedUserWritesNeverAnswer500() {
		TestUser editor = this.users.create("editor");
		BrowserSession browser = BrowserSession.signedIn(this.client, editor.username(), TestUsers.PASSWORD);
		this.users.send("DELETE", "/api/v1/users/" + editor.id(), ReplayClient.ADMIN_BASIC, null);
		// the first request after the deletion is a write: it must not reach the database
		assertProblem(browser.send("POST", "/api/v1/playlists", Map.of("name", "after deletion")), 401,
				"unauthenticated");
	}

	@Test
	void passwordResetByAnAdminEndsTheUsersSessions() {
		TestUser viewer = this.users.create("viewer");
		BrowserSession browser = BrowserSession.signedIn(this.client, viewer.username(), TestUsers.PASSWORD);
		BrowserSession other = BrowserSession.signedIn(this.client, viewer.username(), TestUsers.PASSWORD);
		HttpResponse<String> reset = this.users.send("PUT", "/api/v1/users/" + viewer.id() + "/password",
				ReplayClient.ADMIN_BASIC, Map.of("password", NEW_PASSWORD));
		assertThat(reset.statusCode()).as(reset.body()).isEqualTo(204);
		assertProblem(browser.get("/api/v1/me"), 401, "unauthenticated");
		assertProblem(other.get("/api/v1/me"), 401, "unauthenticated");
		assertThat(this.client.get("/api/v1/me", viewer.basic()).statusCode()).isEqualTo(401);
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(viewer.username(), NEW_PASSWORD)).statusCode())
			.isEqualTo(200);
		BrowserSession again = BrowserSession.signedIn(this.client, viewer.username(), NEW_PASSWORD);
		assertThat(again.get("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(actions(viewer)).contains("user.password-reset");
	}

	@Test
	void ownPasswordChangeKeepsThisSessionAndEndsTheOthers() {
		TestUser viewer = this.users.create("viewer");
		BrowserSession browser = BrowserSession.signedIn(this.client, viewer.username(), TestUsers.PASSWORD);
		BrowserSession other = BrowserSession.signedIn(this.client, viewer.username(), TestUsers.PASSWORD);
		String sessionBefore = browser.cookie("JSESSIONID").orElseThrow();
		HttpResponse<String> change = browser.send("PUT", "/api/v1/me/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", NEW_PASSWORD));
		assertThat(change.statusCode()).as(change.body()).isEqualTo(204);
		assertThat(browser.cookie("JSESSIONID")).isPresent().get().isNotEqualTo(sessionBefore);
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(200);
		assertThat(browser.send("POST", "/api/v1/me/tokens", Map.of("name", "still signed in")).statusCode())
			.isEqualTo(201);
		assertProblem(other.get("/api/v1/me"), 401, "unauthenticated");
		assertThat(this.client.get("/api/v1/me", TestUsers.basic(viewer.username(), NEW_PASSWORD)).statusCode())
			.isEqualTo(200);
		assertThat(actions(viewer)).contains("user.password-changed");
	}

	@Test
	void auditsSignInAndSignOut() {
		TestUser viewer = this.users.create("viewer");
		BrowserSession browser = BrowserSession.signedIn(this.client, viewer.username(), TestUsers.PASSWORD);
		assertThat(browser.send("POST", SignInSettings.SIGN_OUT_PATH, null).statusCode()).isEqualTo(204);
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
		List<String> actions = this.jdbc
			.sql("select action from audit_event where actor = ? and target_type = 'user' and target_id = ? "
					+ "and client_address is not null order by id")
			.param(viewer.username())
			.param(viewer.id().toString())
			.query(String.class)
			.list();
		assertThat(actions).containsExactly("sign-in.succeeded", "sign-out");
		// a script's HTTP Basic requests are no sign-ins worth a row each
		this.client.get("/api/v1/me", viewer.basic());
		assertThat(actions(viewer)).containsOnlyOnce("sign-in.succeeded");
	}

	@Test
	void sessionAndCsrfCookiesAreSameSiteLaxAndNotSecureOverPlainHttp() {
		TestUser viewer = this.users.create("viewer");
		BrowserSession browser = new BrowserSession(this.client);
		List<String> csrf = browser.get(SignInSettings.CSRF_PATH).headers().allValues("Set-Cookie");
		assertThat(csrf).filteredOn((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).containsIgnoringCase("SameSite=Lax")
				.doesNotContainIgnoringCase("Secure"));
		List<String> session = browser.signIn(viewer.username(), TestUsers.PASSWORD).headers().allValues("Set-Cookie");
		assertThat(session).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).containsIgnoringCase("SameSite=Lax")
				.containsIgnoringCase("HttpOnly")
				.doesNotContainIgnoringCase("Secure"));
		assertThat(session).filteredOn((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.allSatisfy((cookie) -> assertThat(cookie).containsIgnoringCase("SameSite=Lax"));
	}

	private void demote(TestUser user, String role) {
		HttpResponse<String> response = this.users.send("PATCH", "/api/v1/users/" + user.id(), ReplayClient.ADMIN_BASIC,
				Map.of("role", role));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private List<String> actions(TestUser user) {
		return this.jdbc.sql("select action from audit_event where target_type = 'user' and target_id = ? order by id")
			.param(user.id().toString())
			.query(String.class)
			.list();
	}

	static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(ReplayClient.json(response.body()).path("type").asString())
			.isEqualTo("https://replay.dev/problems/" + type);
	}

}
