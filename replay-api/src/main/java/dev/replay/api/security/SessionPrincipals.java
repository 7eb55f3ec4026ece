package dev.replay.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Replaces the signed-in user of a request, and of its browser session if it has one.
 */
final class SessionPrincipals {

	private static final SecurityContextRepository SESSION_CONTEXTS = new HttpSessionSecurityContextRepository();

	private SessionPrincipals() {
	}

	static void replace(ReplayPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		contexts.setContext(context);
		if (request.getSession(false) != null) {
			SESSION_CONTEXTS.saveContext(context, request, response);
		}
	}

}
