package dev.replay.ingest.application;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an application is created with an id that is taken.
 */
@NamedInterface("api")
public class ApplicationExistsException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public ApplicationExistsException(java.util.UUID id) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ProblemTypes.APPLICATION_EXISTS,
				"Application exists", "An application with id " + id + " already exists."), null);
	}

}
