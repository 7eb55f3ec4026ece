package dev.replay;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the tests that sign in with single sign-on: the application runs with the
 * {@link OpenIdProvider} of this test run as its provider. Users in the provider's group
 * {@code replay-admins} become admins, in {@code replay-editors} editors, anybody else
 * viewers. Subclasses are {@link ReplayIntegrationTest}s and share one application
 * context unless they add properties.
 */
public abstract class SingleSignOnSetup {

	/** The name of the provider on the sign-in page. */
	public static final String PROVIDER_NAME = "Test Provider";

	/** The claim that carries the groups. */
	public static final String GROUPS = "groups";

	/** The claim that lists the applications a user may see. */
	public static final String APPLICATIONS = "replay_applications";

	protected ReplayClient client;

	@DynamicPropertySource
	static void singleSignOn(DynamicPropertyRegistry registry) {
		registry.add("replay.sso.issuer-uri", () -> OpenIdProvider.shared().issuer());
		registry.add("replay.sso.client-id", () -> OpenIdProvider.CLIENT_ID);
		registry.add("replay.sso.client-secret", () -> OpenIdProvider.CLIENT_SECRET);
		registry.add("replay.sso.display-name", () -> PROVIDER_NAME);
		registry.add("replay.sso.role-claim", () -> GROUPS);
		registry.add("replay.sso.admin-values", () -> "replay-admins");
		registry.add("replay.sso.editor-values", () -> "replay-editors");
		registry.add("replay.sso.applications-claim", () -> APPLICATIONS);
	}

	@BeforeEach
	void allowRedirects() {
		provider().allowRedirectsTo(this.client.port());
	}

	/**
	 * A client that keeps cookies and follows redirects, as a browser does.
	 * @return the client
	 */
	protected static HttpClient browser() {
		return HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	/**
	 * Sign in as a browser would: open Replay's single sign-on link, fill in the
	 * provider's sign-in form, follow the redirects back to Replay.
	 * @param browser the browser
	 * @param login the user's login name at the provider
	 * @param next the page to land on, or {@code null}
	 * @return the last answer, from the page landed on
	 */
	protected HttpResponse<String> signInWithProvider(HttpClient browser, String login, String next)
			throws IOException, InterruptedException {
		String start = "/oauth2/authorization/sso"
				+ ((next != null) ? "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "");
		HttpResponse<String> form = browser.send(HttpRequest.newBuilder(replay(start)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(form.uri().toString()).startsWith(provider().issuer() + "/login");
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).as("the provider's sign-in form has a CSRF token").isTrue();
		String fields = "username=" + login + "&password=" + OpenIdProvider.PASSWORD + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		return browser.send(HttpRequest.newBuilder(form.uri())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(fields))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A URL of Replay.
	 * @param path the path and query
	 * @return the URL
	 */
	protected URI replay(String path) {
		return this.client.uri(path);
	}

	protected static OpenIdProvider provider() {
		return OpenIdProvider.shared();
	}

	/**
	 * Claims of a provider user in some groups.
	 * @param preferredUsername the name they want in Replay
	 * @param groups their groups
	 * @return the claims
	 */
	protected static Map<String, Object> claims(String preferredUsername, String... groups) {
		return java.util.Map.of("preferred_username", preferredUsername, GROUPS, List.of(groups));
	}

}
