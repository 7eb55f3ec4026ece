package dev.replay.ingest.segment;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a segment names a session that was deleted or erased: it is not recorded
 * again, and an SDK does not retry a 410.
 */
@NamedInterface("api")
public class SessionGoneException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public SessionGoneException(String sessionId) {
		super(HttpStatus.GONE, Problems.of(HttpStatus.GONE, ProblemTypes.SESSION_GONE, "Session gone",
				"Session " + sessionId + " was deleted and cannot be recorded again."), null);
	}

}
