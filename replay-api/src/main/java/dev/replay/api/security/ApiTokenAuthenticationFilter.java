package dev.replay.api.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
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
 * {@code DD-APPLICATION-KEY}. The sign-in lasts for the request only: no session is made.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

	static final String BEARER = "Bearer ";

	static final String DATADOG_APPLICATION_KEY = "DD-APPLICATION-KEY";

	private final ApiTokens tokens;

	private final SignInAttempts attempts;

	private final ProblemSecurityHandler entryPoint;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository requestContexts = new RequestAttributeSecurityContextRepository();

	ApiTokenAuthenticationFilter(ApiTokens tokens, SignInAttempts attempts, ProblemSecurityHandler entryPoint) {
		this.tokens = tokens;
		this.attempts = attempts;
		this.entryPoint = entryPoint;
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
			this.entryPoint.tooManySignInAttempts(request, response, attempt.retryAfter());
			return;
		}
		Optional<ReplayPrincipal> user;
		try {
			user = this.tokens.authenticate(token);
		}
		catch (RuntimeException ex) {
			attempt.abandoned();
			throw ex;
		}
		if (user.isEmpty()) {
			this.contexts.clearContext();
			this.attempts.tokenFailed(request, attempt, "unknown or revoked token");
			this.entryPoint.commence(request, response, new BadCredentialsException("Invalid API token"));
			return;
		}
		attempt.succeeded();
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
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

	private static @Nullable String tokenOf(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return authorization.substring(BEARER.length()).strip();
		}
		String applicationKey = request.getHeader(DATADOG_APPLICATION_KEY);
		return (applicationKey != null && !applicationKey.isBlank()) ? applicationKey.strip() : null;
	}

}
