package dev.replay.api.security;

/**
 * Thrown at start-up when {@code REPLAY_ADMIN_PASSWORD} does not follow the password
 * rules; {@link AdminPasswordFailureAnalyzer} explains it.
 */
class AdminPasswordException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	static final String RULE = "REPLAY_ADMIN_PASSWORD (replay.security.admin-password) must be at least "
			+ Passwords.MIN_LENGTH + " characters and at most " + Passwords.MAX_BYTES + " bytes long in UTF-8";

	AdminPasswordException() {
		// never the password itself: the message goes to the log
		super(RULE + ".");
	}

}
