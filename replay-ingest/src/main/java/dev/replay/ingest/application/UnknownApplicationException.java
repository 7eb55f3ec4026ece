package dev.replay.ingest.application;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a request names an application that does not exist.
 */
@NamedInterface("api")
public class UnknownApplicationException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public UnknownApplicationException(java.util.UUID id) {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.UNKNOWN_APPLICATION,
				"Unknown application", "No application with id " + id + "."), null);
	}

}
