package dev.replay.api.security;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a new password is longer than bcrypt, which hashes only its first 72 bytes,
 * can take.
 */
class PasswordTooLongException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PasswordTooLongException() {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ApiProblemTypes.PASSWORD_TOO_LONG,
				"Password too long",
				"A password may be at most " + Passwords.MAX_BYTES
						+ " bytes long in UTF-8 (the most that bcrypt hashes; characters outside ASCII take 2 to 4 bytes)."),
				null);
	}

}
