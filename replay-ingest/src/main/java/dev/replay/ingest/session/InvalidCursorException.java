package dev.replay.ingest.session;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a paging cursor was not produced by Replay.
 */
@NamedInterface("api")
public class InvalidCursorException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public InvalidCursorException() {
		this("The cursor is not valid.");
	}

	/**
	 * Create the exception with its own explanation.
	 * @param detail what is wrong with the cursor
	 */
	public InvalidCursorException(String detail) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request", detail), null);
	}

}
