package dev.replay.ingest.session;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a request parameter holds what no valid value holds, such as a control
 * character.
 */
@NamedInterface("api")
public class InvalidParameterException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the exception.
	 * @param detail what is wrong
	 */
	public InvalidParameterException(String detail) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request", detail), null);
	}

}
