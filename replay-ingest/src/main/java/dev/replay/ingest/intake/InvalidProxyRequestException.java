package dev.replay.ingest.intake;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a request to the Datadog proxy endpoint has no usable {@code ddforward}
 * parameter.
 */
class InvalidProxyRequestException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	InvalidProxyRequestException(String detail) {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_PROXY_REQUEST,
				"Invalid proxy request", detail), null);
	}

}
