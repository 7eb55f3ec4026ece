package dev.replay.api.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.util.AntPathMatcher;

/**
 * Sends people who open one of the web app's pages without being signed in to the sign-in
 * page, which brings them back afterwards ({@code /login?next=…}); API requests still get
 * a 401 problem and an HTTP Basic challenge.
 */
class PageSignInEntryPoint implements AuthenticationEntryPoint {

	static final String SIGN_IN_PAGE = "/login";

	static final List<String> PAGES = List.of("/", "/sessions", "/replays/*", "/embed/replays/*", "/playlists",
			"/playlists/*", "/history", "/account", "/admin", "/admin/*");

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private final AuthenticationEntryPoint api;

	PageSignInEntryPoint(AuthenticationEntryPoint api) {
		this.api = api;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		if (!isPage(request)) {
			this.api.commence(request, response, authException);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String next = (request.getQueryString() != null) ? path + "?" + request.getQueryString() : path;
		String target = request.getContextPath() + SIGN_IN_PAGE
				+ ("/".equals(next) ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
		response.sendRedirect(target);
	}

	static boolean isPage(HttpServletRequest request) {
		if (!HttpMethod.GET.matches(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PAGES.stream().anyMatch((page) -> PATHS.match(page, path));
	}

}
