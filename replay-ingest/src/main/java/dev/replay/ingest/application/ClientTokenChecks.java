package dev.replay.ingest.application;

import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Answers, in one query, whether a client token may write to an application.
 */
@Service
public class ClientTokenChecks {

	private final ClientTokenRepository tokens;

	ClientTokenChecks(ClientTokenRepository tokens) {
		this.tokens = tokens;
	}

	/**
	 * Check a token against an application.
	 * @param token the token value as sent
	 * @param applicationId the application the segment names
	 * @return the verdict
	 */
	public TokenVerdict check(String token, UUID applicationId) {
		return this.tokens.findWritePermission(token, applicationId)
			.map((allowed) -> allowed ? TokenVerdict.ALLOWED : TokenVerdict.NOT_ALLOWED)
			.orElse(TokenVerdict.UNKNOWN_TOKEN);
	}

	/**
	 * The outcome of a token check.
	 */
	public enum TokenVerdict {

		/** The token may write to the application. */
		ALLOWED,

		/**
		 * The token is valid but not for this application, or the application does not
		 * exist.
		 */
		NOT_ALLOWED,

		/** The token is unknown or revoked. */
		UNKNOWN_TOKEN

	}

}
