package dev.replay.api.security;

import java.util.UUID;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no user has the requested id.
 */
class UserNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	UserNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ApiProblemTypes.USER_NOT_FOUND, "User not found",
				"No user with id " + id + "."), null);
	}

}
