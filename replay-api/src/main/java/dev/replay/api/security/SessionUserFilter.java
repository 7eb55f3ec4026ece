package dev.replay.api.security;

import java.io.IOException;
import java.util.Optional;

import dev.replay.api.security.SessionUsers.StoredUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every request of a browser session see its user as stored now, as HTTP Basic and
 * API tokens do: a new role applies from the next request, and a deleted user, or one
 * whose password was changed or reset since the session signed in, is signed out (the
 * request goes on anonymous, so the API answers 401). Runs right after the session's
 * sign-in is loaded, before any other filter reads it.
 */
class SessionUserFilter extends OncePerRequestFilter {

	private final SessionUsers users;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SessionUserFilter(SessionUsers users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = (session != null) ? this.contexts.getContext().getAuthentication() : null;
		if (session != null && authentication != null
				&& authentication.getPrincipal() instanceof ReplayPrincipal signedIn) {
			Optional<StoredUser> stored = this.users.find(signedIn.id());
			if (stored.isEmpty() || stored.get().sessionVersion() != signedIn.sessionVersion()) {
				session.invalidate();
				this.contexts.clearContext();
			}
			else if (!stored.get().username().equals(signedIn.getUsername())
					|| stored.get().role() != signedIn.role()) {
				SessionPrincipals.replace(stored.get().principal(), request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
