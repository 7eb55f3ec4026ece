package dev.replay.ingest.application;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a client token may not write to the application a segment names.
 */
@NamedInterface("api")
public class ApplicationNotAllowedException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public ApplicationNotAllowedException(String applicationId) {
		super(HttpStatus.FORBIDDEN,
				Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.APPLICATION_NOT_ALLOWED, "Application not allowed",
						"The client token may not write to application " + applicationId + ", or it does not exist."),
				null);
	}

}
