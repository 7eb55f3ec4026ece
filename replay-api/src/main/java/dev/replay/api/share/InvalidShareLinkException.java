package dev.replay.api.share;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when a share link asked for cannot be made: its expiry is not in the future or
 * too far ahead, or its start time is negative.
 */
class InvalidShareLinkException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	InvalidShareLinkException(String detail) {
		super(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, ApiProblemTypes.INVALID_SHARE_LINK, "Invalid share link", detail),
				null);
	}

}
