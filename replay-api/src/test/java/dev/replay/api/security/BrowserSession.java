package dev.replay.api.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import dev.replay.ReplayClient;

/**
 * A browser's cookie session as the web app holds it: signed in with the sign-in form,
 * the {@code XSRF-TOKEN} cookie echoed on every request.
 */
final class BrowserSession {

	private final ReplayClient client;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	BrowserSession(ReplayClient client) {
		this.client = client;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	static BrowserSession signedIn(ReplayClient client, String username, String password) {
		BrowserSession session = new BrowserSession(client);
		HttpResponse<String> response = session.signIn(username, password);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Could not sign in: " + response.body());
		}
		return session;
	}

	HttpResponse<String> signIn(String username, String password) {
		send(HttpRequest.newBuilder(this.client.uri(SignInSettings.CSRF_PATH)));
		return send(HttpRequest.newBuilder(this.client.uri(SignInSettings.SIGN_IN_PATH))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElse(""))
			.POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + password)));
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(this.client.uri(path)));
	}

	/**
	 * Send a request with the CSRF header, as the web app does.
	 * @param method the HTTP method
	 * @param path the path
	 * @param body a JSON body, or {@code null}
	 * @return the response
	 */
	HttpResponse<String> send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.client.uri(path))
			.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN").orElse(""));
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(ReplayClient.mapper().writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request);
	}

	HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.header("X-Requested-With", "XMLHttpRequest").build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	Optional<String> cookie(String name) {
		return cookie(this.cookies, name);
	}

	/**
	 * The CSRF token a browser with these cookies echoes in {@code X-XSRF-TOKEN}.
	 * @param cookies the browser's cookies
	 * @return the token
	 */
	static String xsrf(CookieManager cookies) {
		return cookie(cookies, "XSRF-TOKEN").orElseThrow();
	}

	private static Optional<String> cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

}
