package dev.replay.api.redaction;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a redaction rule cannot be made as asked.
 */
class InvalidRedactionException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	InvalidRedactionException(String detail) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, ApiProblemTypes.INVALID_REDACTION, "Invalid redaction", detail),
				null);
	}

}
