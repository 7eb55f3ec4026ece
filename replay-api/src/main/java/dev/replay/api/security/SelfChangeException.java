package dev.replay.api.security;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when an admin tries to delete or demote themselves, which could leave nobody
 * able to administer Replay.
 */
class SelfChangeException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	SelfChangeException() {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, ApiProblemTypes.SELF_CHANGE,
				"Cannot change own account", "Admins cannot delete or demote themselves; ask another admin."), null);
	}

}
