package dev.replay.api.security;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.SingleSignOnSetup;
import dev.replay.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code replay.sso.local-sign-in=false} nobody signs in with a password: neither
 * the sign-in form nor HTTP Basic accepts one. Single sign-on and API tokens still work.
 */
@ReplayIntegrationTest
@TestPropertySource(properties = "replay.sso.local-sign-in=false")
class SingleSignOnOnlyIntegrationTests extends SingleSignOnSetup {

	@Test
	void refusesPasswordsAndChallengesForATokenInstead() throws Exception {
		HttpResponse<String> basic = this.client.getAsAdmin("/api/v1/me");

		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(basic.headers().firstValue("Content-Type")).contains("application/problem+json");
		assertThat(basic.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"Replay\"");
		BrowserSession browser = new BrowserSession(this.client);
		HttpResponse<String> form = browser.signIn("admin", ReplayClient.ADMIN_PASSWORD);
		assertThat(form.statusCode()).isEqualTo(401);
		assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
	}

	@Test
	void signsInWithTheProviderAndKeepsApiTokensWorking() throws Exception {
		String login = provider()
			.createUser(claims("lee-" + UUID.randomUUID().toString().substring(0, 8), "replay-admins"));
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		signInWithProvider(browser, login, null);

		HttpResponse<String> created = browser.send(HttpRequest.newBuilder(replay("/api/v1/me/tokens"))
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", BrowserSession.xsrf(cookies))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"script\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		String token = ReplayClient.json(created.body()).path("token").asString();

		HttpResponse<String> users = this.client.get("/api/v1/users", TestUsers.bearer(token));
		assertThat(users.statusCode()).isEqualTo(200);
	}

	@Test
	void tellsTheSignInPageThatOnlySingleSignOnIsLeft() {
		JsonNode options = ReplayClient
			.json(this.client.send(HttpRequest.newBuilder(this.client.uri("/api/v1/auth/sign-in-options"))).body());

		assertThat(options.path("localSignIn").asBoolean()).isFalse();
		assertThat(options.path("singleSignOn").path("name").asString()).isEqualTo(PROVIDER_NAME);
	}

}
