package dev.replay.ingest.intake;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a request body cannot be read as the upload it claims to be: its content
 * coding does not decode, its multipart framing is broken, or parts are missing or
 * unexpected.
 */
class MalformedBodyException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	MalformedBodyException(String detail) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY, "Malformed body", detail), null);
	}

}
