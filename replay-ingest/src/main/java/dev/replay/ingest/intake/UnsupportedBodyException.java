package dev.replay.ingest.intake;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when the media type or content coding of a body is not one that intake reads.
 */
class UnsupportedBodyException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	UnsupportedBodyException(String detail) {
		super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail), null);
	}

}
