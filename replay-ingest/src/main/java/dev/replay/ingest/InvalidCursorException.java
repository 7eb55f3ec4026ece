package dev.replay.ingest;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a paging cursor was not produced by Replay.
 */
public class InvalidCursorException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public InvalidCursorException() {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request",
				"The cursor is not valid."), null);
	}

}
