package dev.replay.api.security;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.replay.ReplayClient;
import dev.replay.ReplayIntegrationTest;
import dev.replay.TestUsers;
import dev.replay.TestUsers.TestUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a TLS-terminating proxy with {@code server.forward-headers-strategy=native}, as
 * the README advises: the cookies are {@code Secure} and the audit trail keeps the real
 * client's address. The application context of its own is closed after the class, while
 * the test database is still there.
 */
@ReplayIntegrationTest
@TestPropertySource(properties = "server.forward-headers-strategy=native")
@DirtiesContext
class ForwardedHeadersIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void cookiesAreSecureWhenTheProxySaysTheRequestCameOverTls(ReplayClient client, TestUsers users) {
		TestUser viewer = users.create("viewer");
		BrowserSession browser = new BrowserSession(client);
		List<String> csrf = browser.send(proxied(client, SignInSettings.CSRF_PATH)).headers().allValues("Set-Cookie");
		assertThat(csrf).filteredOn((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure")
				.containsIgnoringCase("SameSite=Lax"));
		HttpResponse<String> signIn = browser.send(
				proxied(client, SignInSettings.SIGN_IN_PATH).header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-XSRF-TOKEN", xsrf(csrf))
					.header("Cookie", "XSRF-TOKEN=" + xsrf(csrf))
					.POST(HttpRequest.BodyPublishers
						.ofString("username=" + viewer.username() + "&password=" + TestUsers.PASSWORD)));
		assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
		assertThat(signIn.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).containsIgnoringCase("; Secure")
				.containsIgnoringCase("SameSite=Lax"));
		String address = this.jdbc
			.sql("select client_address from audit_event where action = 'sign-in.succeeded' and actor = ?")
			.param(viewer.username())
			.query(String.class)
			.single();
		assertThat(address).isEqualTo("203.0.113.7");
	}

	@Test
	void cookiesAreNotSecureOverPlainHttp(ReplayClient client) {
		BrowserSession browser = new BrowserSession(client);
		assertThat(browser.get(SignInSettings.CSRF_PATH).headers().allValues("Set-Cookie"))
			.filteredOn((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.singleElement()
			.satisfies((cookie) -> assertThat(cookie).doesNotContainIgnoringCase("Secure"));
	}

	private static HttpRequest.Builder proxied(ReplayClient client, String path) {
		return HttpRequest.newBuilder(client.uri(path))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "203.0.113.7");
	}

	private static String xsrf(List<String> setCookies) {
		String cookie = setCookies.stream()
			.filter((value) -> value.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow();
		return cookie.substring("XSRF-TOKEN=".length(), cookie.indexOf(';'));
	}

}
