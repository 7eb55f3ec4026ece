package dev.replay.ingest.intake;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a body, or what it inflates to, is larger than the configured limit.
 */
class PayloadTooLargeException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	PayloadTooLargeException(String what, long limit) {
		super(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
				"Payload too large", what + " exceeds the limit of " + limit + " bytes."), null);
	}

}
