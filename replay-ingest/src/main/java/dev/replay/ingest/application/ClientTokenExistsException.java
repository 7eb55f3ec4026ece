package dev.replay.ingest.application;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a client token is created with a value that is taken.
 */
@NamedInterface("api")
public class ClientTokenExistsException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public ClientTokenExistsException() {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ProblemTypes.CLIENT_TOKEN_EXISTS,
				"Client token exists", "A client token with that value already exists."), null);
	}

}
