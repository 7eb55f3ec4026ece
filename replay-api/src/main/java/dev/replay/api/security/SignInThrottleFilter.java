package dev.replay.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Begins a {@link SignInAttempts sign-in attempt} for each password sign-in (the sign-in
 * form, or HTTP Basic credentials) before Spring Security checks the password, and
 * answers 429 instead when the user name or the client address has to wait: then not even
 * the right password signs in. API tokens are left to
 * {@link ApiTokenAuthenticationFilter}. The user name is read exactly as Spring
 * Security's form and Basic filters read it, so that no spelling of a name escapes its
 * count.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private static final String BASIC = "Basic";

	private static final RequestMatcher SIGN_IN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, SignInSettings.SIGN_IN_PATH);

	private final SignInAttempts attempts;

	private final ProblemSecurityHandler problems;

	SignInThrottleFilter(SignInAttempts attempts, ProblemSecurityHandler problems) {
		this.attempts = attempts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String name = nameOf(request);
		if (name == null) {
			chain.doFilter(request, response);
			return;
		}
		SignInThrottle.Attempt attempt = this.attempts.begin(request, name);
		if (attempt.isRefused()) {
			this.problems.tooManySignInAttempts(request, response, attempt.retryAfter());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			// ended already by the outcome of the password check, unless there was none
			attempt.abandoned();
		}
	}

	/**
	 * The user name of a password sign-in.
	 * @param request the request
	 * @return the name, or {@code null} when the request is no password sign-in
	 */
	private static @Nullable String nameOf(HttpServletRequest request) {
		// the form's filter answers the sign-in itself, whatever else the request carries
		if (SIGN_IN.matches(request)) {
			String username = request.getParameter("username");
			return (username != null) ? username.trim() : "";
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null) {
			String header = authorization.trim();
			if (header.regionMatches(true, 0, BASIC, 0, BASIC.length()) && header.length() > BASIC.length() + 1) {
				try {
					String credentials = new String(
							Base64.getDecoder()
								.decode(header.substring(BASIC.length() + 1).getBytes(StandardCharsets.UTF_8)),
							StandardCharsets.UTF_8);
					int colon = credentials.indexOf(':');
					return (colon >= 0) ? credentials.substring(0, colon) : null;
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

}
