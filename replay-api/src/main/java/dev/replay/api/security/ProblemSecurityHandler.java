package dev.replay.api.security;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Answers 401 and 403 with problem details, and challenges for HTTP Basic so that
 * browsers and scripts know how to sign in; except the web app's own requests (marked
 * {@code X-Requested-With: XMLHttpRequest}), which must not make the browser ask for
 * Basic credentials: the app sends people to its sign-in page instead.
 */
class ProblemSecurityHandler implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "Replay";

	private final JsonMapper json = JsonMapper.builder().build();

	private final String challenge;

	/**
	 * An entry point that challenges for HTTP Basic, or for a bearer token when passwords
	 * are not accepted.
	 * @param basic whether HTTP Basic is accepted
	 */
	ProblemSecurityHandler(boolean basic) {
		this.challenge = basic ? "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"" : "Bearer realm=\"" + REALM + "\"";
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, this.challenge);
		}
		write(request, response, HttpStatus.UNAUTHORIZED, ApiProblemTypes.UNAUTHENTICATED, "Unauthenticated",
				"Sign in with HTTP Basic, an API token or a session to use this resource.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		String detail = (accessDeniedException instanceof CsrfException)
				? "Requests in a signed-in session must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header."
				: "Your role does not allow this.";
		write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", detail);
	}

	void signInFailed(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.UNAUTHORIZED, ApiProblemTypes.UNAUTHENTICATED, "Unauthenticated",
				"The user name or password is wrong.");
	}

	void readOnlyToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
				"This API token is read-only: it may only make GET and HEAD requests.");
	}

	/**
	 * Answer a sign-in attempt refused by the throttle: 429 with {@code Retry-After} in
	 * whole seconds, rounded up.
	 * @param request the request
	 * @param response the response
	 * @param retryAfter how long to wait
	 * @throws IOException if the response cannot be written
	 */
	void tooManySignInAttempts(HttpServletRequest request, HttpServletResponse response, Duration retryAfter)
			throws IOException {
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		write(request, response, HttpStatus.TOO_MANY_REQUESTS, ApiProblemTypes.TOO_MANY_SIGN_IN_ATTEMPTS,
				"Too many sign-in attempts",
				"Too many failed sign-ins for this user name or from this address; retry after " + seconds + " s.");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String title, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
