package dev.replay.ingest.session;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no session that the caller may see carries the requested site user id.
 */
@NamedInterface("api")
public class SiteUserNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public SiteUserNotFoundException(String userId) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.SITE_USER_NOT_FOUND,
				"User not found", "No recorded session of user " + userId + "."), null);
	}

}
