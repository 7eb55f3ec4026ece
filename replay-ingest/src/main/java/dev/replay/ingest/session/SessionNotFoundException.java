package dev.replay.ingest.session;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no recorded session has the requested id.
 */
@NamedInterface("api")
public class SessionNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public SessionNotFoundException(String sessionId) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.SESSION_NOT_FOUND,
				"Session not found", "No recorded session with id " + sessionId + "."), null);
	}

}
