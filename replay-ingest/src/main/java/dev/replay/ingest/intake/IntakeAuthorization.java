package dev.replay.ingest.intake;

import java.util.UUID;

import dev.replay.ingest.storage.ClientTokenChecks;
import dev.replay.ingest.storage.ClientTokenChecks.TokenVerdict;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns client token checks into the intake's 401 and 403 answers.
 */
@Component
class IntakeAuthorization {

	private static final UUID NO_APPLICATION = new UUID(0, 0);

	private final ClientTokenChecks tokens;

	IntakeAuthorization(ClientTokenChecks tokens) {
		this.tokens = tokens;
	}

	/**
	 * Require a token to be present, before anything else is read.
	 * @param token the token as sent
	 * @return the token
	 * @throws InvalidClientTokenException if it is missing
	 */
	static String present(@Nullable String token) {
		if (token == null || token.isBlank()) {
			throw new InvalidClientTokenException();
		}
		return token;
	}

	/**
	 * Require a token to be allowed to write to an application.
	 * @param token the token
	 * @param applicationId the application
	 * @throws InvalidClientTokenException if the token is unknown or revoked
	 * @throws ApplicationNotAllowedException if it may not write to the application
	 */
	void requireAllowed(String token, UUID applicationId) {
		TokenVerdict verdict = this.tokens.check(token, applicationId);
		if (verdict == TokenVerdict.UNKNOWN_TOKEN) {
			throw new InvalidClientTokenException();
		}
		if (verdict == TokenVerdict.NOT_ALLOWED) {
			throw new ApplicationNotAllowedException(applicationId.toString());
		}
	}

	/**
	 * Require a token to be valid, for data that names no application.
	 * @param token the token
	 * @throws InvalidClientTokenException if the token is unknown or revoked
	 */
	void requireKnown(String token) {
		if (this.tokens.check(token, NO_APPLICATION) == TokenVerdict.UNKNOWN_TOKEN) {
			throw new InvalidClientTokenException();
		}
	}

}
