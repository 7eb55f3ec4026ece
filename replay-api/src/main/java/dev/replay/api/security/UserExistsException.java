package dev.replay.api.security;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a user is created with a name that is taken.
 */
class UserExistsException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	UserExistsException(String username) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ApiProblemTypes.USER_EXISTS, "User exists",
				"A user named " + username + " already exists."), null);
	}

}
