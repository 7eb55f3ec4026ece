package dev.replay.api.security;

import java.io.IOException;

import dev.replay.api.security.ApiTokens.TokenCheck;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in requests that carry a personal API token, either as
 * {@code Authorization: Bearer <token>} or, for Datadog's API clients, in
 * {@code DD-APPLICATION-KEY}; on the Datadog-compatible endpoints
 * ({@code /api/v2/rum/replay/**}) also in {@code DD-API-KEY} alone, since Datadog's
 * clients may be set up with that key only. The sign-in lasts for the request only: no
 * session is made. Expired tokens are refused like revoked ones, and a read-only token
 * may only make safe requests ({@code GET}, {@code HEAD}).
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String BEARER = "Bearer ";

	static final String DATADOG_APPLICATION_KEY = "DD-APPLICATION-KEY";

	static final String DATADOG_API_KEY = "DD-API-KEY";

	/** Where Datadog's API clients call us, and so where {@code DD-API-KEY} is read. */
	static final String DATADOG_PATHS = "/api/v2/rum/replay/";

	private final ApiTokens tokens;

	private final SignInAttempts attempts;

	private final ProblemSecurityHandler problems;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	ApiTokenAuthenticationFilter(ApiTokens tokens, SignInAttempts attempts, ProblemSecurityHandler problems) {
		this.tokens = tokens;
		this.attempts = attempts;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String token = tokenOf(request);
		if (token == null) {
			chain.doFilter(request, response);
			return;
		}
		// throttled per client address, as every way to sign in (ADR 0014)
		SignInThrottle.Attempt attempt = this.attempts.begin(request, null);
		if (attempt.isRefused()) {
			this.contexts.clearContext();
			this.problems.tooManySignInAttempts(request, response, attempt.retryAfter());
			return;
		}
		TokenCheck check;
		try {
			check = this.tokens.authenticate(token);
		}
		catch (RuntimeException ex) {
			attempt.abandoned();
			throw ex;
		}
		if (!(check instanceof TokenCheck.Valid valid)) {
			this.contexts.clearContext();
			this.attempts.tokenFailed(request, attempt, ((TokenCheck.Refused) check).reason());
			this.problems.commence(request, response, new BadCredentialsException("Invalid API token"));
			return;
		}
		attempt.succeeded();
		if (valid.scope() == TokenScope.READ_ONLY && !isSafe(request)) {
			this.contexts.clearContext();
			this.problems.readOnlyToken(request, response);
			return;
		}
		ReplayPrincipal user = valid.user();
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		this.contexts.setContext(context);
		// kept with the request, so that the asynchronous dispatch that finishes a
		// streamed
		// response is signed in too
		this.requestContexts.saveContext(context, request, response);
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.contexts.clearContext();
		}
	}

	static boolean carriesToken(HttpServletRequest request) {
		return tokenOf(request) != null;
	}

	private static boolean isSafe(HttpServletRequest request) {
		String method = request.getMethod();
		return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method);
	}

	// the application key wins over the API key: Datadog's clients send both, and the API
	// key may then be anything
	private static @Nullable String tokenOf(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		String applicationKey = nonBlank(request.getHeader(DATADOG_APPLICATION_KEY));
		if (applicationKey != null) {
			return applicationKey;
		}
		return isDatadogPath(request) ? nonBlank(request.getHeader(DATADOG_API_KEY)) : null;
	}

	private static boolean isDatadogPath(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + DATADOG_PATHS);
	}

	private static @Nullable String nonBlank(@Nullable String value) {
		return (value != null && !value.isBlank()) ? value.strip() : null;
	}

}
