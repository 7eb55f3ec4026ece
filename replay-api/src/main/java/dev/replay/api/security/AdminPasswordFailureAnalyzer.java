package dev.replay.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused {@code REPLAY_ADMIN_PASSWORD} into one clear start-up message instead
 * of a chain of bean creation errors.
 */
class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordException cause) {
		return new FailureAnalysis(AdminPasswordException.RULE + ", as every user's password must be.",
				"Set REPLAY_ADMIN_PASSWORD to a password of " + Passwords.MIN_LENGTH + " to " + Passwords.MAX_BYTES
						+ " characters, or leave it unset to have one generated on the first start.",
				cause);
	}

}
