package dev.replay.api.security;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a user changing their password gives a wrong current one.
 */
class WrongPasswordException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	WrongPasswordException() {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ApiProblemTypes.WRONG_PASSWORD,
				"Wrong password", "The current password is wrong; the password was not changed."), null);
	}

}
