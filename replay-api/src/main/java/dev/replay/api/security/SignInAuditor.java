package dev.replay.api.security;

import java.util.Map;

import dev.replay.api.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.stereotype.Component;

/**
 * Records every failed sign-in with a password, by form or HTTP Basic, in the audit
 * trail.
 */
@Component
class SignInAuditor {

	private final AuditLog audit;

	SignInAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String username = event.getAuthentication().getName();
		this.audit.recordAs(username, "sign-in.failed", "user", username,
				Map.of("method", "password", "reason", event.getException().getClass().getSimpleName()));
	}

}
