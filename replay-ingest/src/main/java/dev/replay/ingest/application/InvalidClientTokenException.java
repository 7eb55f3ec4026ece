package dev.replay.ingest.application;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a recorder's client token is missing, unknown or revoked.
 */
@NamedInterface("api")
public class InvalidClientTokenException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public InvalidClientTokenException() {
		super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, ProblemTypes.INVALID_CLIENT_TOKEN,
				"Invalid client token", "The client token is missing, unknown or revoked."), null);
	}

}
