package dev.replay.api.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.replay.api.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Answers the player's sign-in form with JSON instead of redirects: the signed-in user on
 * success (with a fresh CSRF cookie, and an audit event), a 401 problem on failure
 * (audited by {@link SignInAuditor}).
 */
class SignInHandler implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final JsonMapper json = JsonMapper.builder().build();

	private final ProblemSecurityHandler problems;

	private final AuditLog audit;

	SignInHandler(ProblemSecurityHandler problems, AuditLog audit) {
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		// the token was replaced at sign-in; reading it writes the new cookie
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		if (csrf != null) {
			csrf.getToken();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", authentication.getName());
		if (authentication.getPrincipal() instanceof ReplayPrincipal principal) {
			body.put("role", principal.role().name());
			this.audit.recordAs(principal.getUsername(), "sign-in.succeeded", "user", principal.id().toString(),
					Map.of("method", "password"));
		}
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), body);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		this.problems.signInFailed(request, response);
	}

}
