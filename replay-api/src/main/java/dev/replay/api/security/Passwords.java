package dev.replay.api.security;

import java.nio.charset.StandardCharsets;

/**
 * The rules every new password follows, wherever it is set (user creation, a change, a
 * reset, {@code REPLAY_ADMIN_PASSWORD}): at least {@value #MIN_LENGTH} characters, and at
 * most {@value #MAX_BYTES} bytes in UTF-8, the most that bcrypt hashes.
 */
final class Passwords {

	static final int MIN_LENGTH = 12;

	static final int MAX_BYTES = 72;

	private Passwords() {
	}

	static boolean tooShort(String password) {
		// counted as the requests' @Size counts
		return password.length() < MIN_LENGTH;
	}

	static boolean tooLong(String password) {
		return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
	}

	/**
	 * Refuse a password longer than bcrypt can hash; the minimum length is checked with
	 * the request (a 400 {@code bad-request}).
	 * @param password the new password
	 * @return the password
	 * @throws PasswordTooLongException if it is longer
	 */
	static String checkLength(String password) {
		if (tooLong(password)) {
			throw new PasswordTooLongException();
		}
		return password;
	}

}
