package dev.replay.api.share;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown for a share link that does not exist, has expired or was revoked, and for one
 * outside the caller's applications: the answer never tells these apart.
 */
class ShareLinkNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	ShareLinkNotFoundException() {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ApiProblemTypes.SHARE_LINK_NOT_FOUND,
				"Share link not found", "No share link at this address: it may have expired or been revoked."), null);
	}

}
