package dev.replay.api.security;

import java.util.UUID;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when the caller has no API token with the requested id.
 */
class ApiTokenNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	ApiTokenNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ApiProblemTypes.API_TOKEN_NOT_FOUND,
				"API token not found", "You have no API token with id " + id + "."), null);
	}

}
