package dev.replay.api.security;

import java.io.IOException;
import java.util.Map;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.security.SsoUserService.SsoUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Ends a sign-in with the OpenID provider. On success the cookie session holds the same
 * sign-in as after the sign-in form (the Replay user, never the provider's tokens) and
 * the browser goes where it was going; on failure it goes back to the sign-in page, which
 * says that single sign-on failed. Both are audited.
 */
class SsoSignInHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	/** Where the sign-in page learns that single sign-on failed. */
	static final String FAILED = PageSignInEntryPoint.SIGN_IN_PAGE + "?error=sso";

	/** The session attribute that keeps the page to go to while the provider signs in. */
	static final String NEXT = SsoSignInHandler.class.getName() + ".next";

	private static final Logger LOG = LoggerFactory.getLogger(SsoSignInHandler.class);

	private static final int MAX_NEXT_LENGTH = 2000;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

	private final AuditLog audit;

	SsoSignInHandler(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		if (!(authentication.getPrincipal() instanceof SsoUser user)) {
			throw new IllegalStateException("Not a single sign-on: " + authentication.getClass().getName());
		}
		ReplayPrincipal principal = user.principal();
		UsernamePasswordAuthenticationToken signedIn = UsernamePasswordAuthenticationToken.authenticated(principal,
				null, principal.getAuthorities());
		signedIn.setDetails(this.details.buildDetails(request));
		SecurityContext context = this.contexts.createEmptyContext();
		context.setAuthentication(signedIn);
		this.contexts.setContext(context);
		this.sessions.saveContext(context, request, response);
		this.audit.recordAs(principal.getUsername(), "sign-in.succeeded", "user", principal.id().toString(),
				Map.of("method", "sso"));
		// the token was replaced at sign-in; reading it writes the new cookie
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (csrf != null) {
			csrf.getToken();
		}
		String next = takeNext(request);
		response.sendRedirect(request.getContextPath() + ((next != null) ? next : "/"));
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = (exception instanceof OAuth2AuthenticationException oauth2) ? oauth2.getError().getErrorCode()
				: exception.getClass().getSimpleName();
		// what went wrong is for the operator (a wrong client secret, an unreachable
		// provider), never for the browser
		LOG.warn("Single sign-on failed: {}", exception.getMessage(), exception.getCause());
		this.audit.recordAs(AuditLog.ANONYMOUS, "sign-in.failed", "user", null,
				Map.of("method", "sso", "reason", reason));
		takeNext(request);
		response.sendRedirect(request.getContextPath() + FAILED);
	}

	/**
	 * Remember where to go after the provider's sign-in.
	 * @param request the request that starts the sign-in, with its {@code next} parameter
	 */
	static void rememberNext(HttpServletRequest request) {
		String next = safeNext(request.getParameter("next"));
		if (next != null) {
			request.getSession().setAttribute(NEXT, next);
		}
		else {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.removeAttribute(NEXT);
			}
		}
	}

	private static @Nullable String takeNext(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		Object next = session.getAttribute(NEXT);
		session.removeAttribute(NEXT);
		return (next instanceof String path) ? path : null;
	}

	/**
	 * A page of this application to go to, or {@code null}: only a path on this host,
	 * never another site ({@code //evil.example}, {@code /\evil.example}, a URL).
	 * @param next the page asked for
	 * @return the path, or {@code null} when it is missing or could lead elsewhere
	 */
	static @Nullable String safeNext(@Nullable String next) {
		if (next == null || next.isEmpty() || next.length() > MAX_NEXT_LENGTH || next.charAt(0) != '/') {
			return null;
		}
		if (next.startsWith("//") || next.indexOf('\\') >= 0 || next.chars().anyMatch(Character::isISOControl)) {
			return null;
		}
		return next;
	}

}
