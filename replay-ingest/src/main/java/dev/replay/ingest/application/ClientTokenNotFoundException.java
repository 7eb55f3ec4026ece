package dev.replay.ingest.application;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a client token is not found.
 */
class ClientTokenNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	ClientTokenNotFoundException(java.util.UUID id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.CLIENT_TOKEN_NOT_FOUND,
				"Client token not found", "No client token with id " + id + "."), null);
	}

}
