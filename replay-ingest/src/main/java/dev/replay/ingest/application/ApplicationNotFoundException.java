package dev.replay.ingest.application;

import java.util.UUID;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when the application a request is about does not exist.
 */
@NamedInterface("api")
public class ApplicationNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public ApplicationNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.APPLICATION_NOT_FOUND,
				"Application not found", "No application with id " + id + "."), null);
	}

}
