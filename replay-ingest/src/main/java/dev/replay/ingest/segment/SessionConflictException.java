package dev.replay.ingest.segment;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a session id is already used by another application.
 */
@NamedInterface("api")
public class SessionConflictException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public SessionConflictException(String sessionId) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ProblemTypes.SESSION_CONFLICT, "Session conflict",
				"Session " + sessionId + " already belongs to another application."), null);
	}

}
