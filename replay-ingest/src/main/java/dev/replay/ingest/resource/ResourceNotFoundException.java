package dev.replay.ingest.resource;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a session's application has no image resource with the requested id.
 */
@NamedInterface("api")
public class ResourceNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public ResourceNotFoundException(String resourceId) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.RESOURCE_NOT_FOUND,
				"Resource not found", "No resource " + resourceId + " for this session."), null);
	}

}
