package dev.replay.ingest.intake;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.replay.core.segment.ClientText;
import dev.replay.ingest.application.ApplicationNotAllowedException;
import dev.replay.ingest.application.ClientTokenChecks;
import dev.replay.ingest.application.ClientTokenChecks.TokenVerdict;
import dev.replay.ingest.application.InvalidClientTokenException;
import dev.replay.ingest.segment.IntakeAvailability;
import dev.replay.ingest.segment.IntakeUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns client token checks into the intake's 401 and 403 answers. Permissions granted
 * are remembered for a few seconds, so that most requests need no query.
 */
@Component
class IntakeAuthorization {

	private static final UUID NO_APPLICATION = new UUID(0, 0);

	private static final int MAX_REMEMBERED = 10_000;

	private final ClientTokenChecks tokens;

	private final IntakeAvailability availability;

	private final long allowedTtlNanos;

	private final Map<Grant, Long> allowed = new ConcurrentHashMap<>();

	IntakeAuthorization(ClientTokenChecks tokens, IntakeAvailability availability, IngestProperties properties) {
		this.tokens = tokens;
		this.availability = availability;
		this.allowedTtlNanos = properties.tokenCacheTtl().toNanos();
	}

	/**
	 * Require a token to be present, before anything else is read.
	 * @param token the token as sent
	 * @return the token
	 * @throws InvalidClientTokenException if it is missing, or holds a control character
	 * that no token has
	 */
	static String present(@Nullable String token) {
		if (token == null || token.isBlank() || ClientText.hasControl(token)) {
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
		Grant grant = new Grant(token, applicationId);
		Long until = this.allowed.get(grant);
		if (until != null && System.nanoTime() - until < 0) {
			return;
		}
		TokenVerdict verdict = check(token, applicationId);
		if (verdict == TokenVerdict.ALLOWED && this.allowedTtlNanos > 0) {
			if (this.allowed.size() >= MAX_REMEMBERED) {
				this.allowed.clear();
			}
			this.allowed.put(grant, System.nanoTime() + this.allowedTtlNanos);
		}
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
		if (check(token, NO_APPLICATION) == TokenVerdict.UNKNOWN_TOKEN) {
			throw new InvalidClientTokenException();
		}
	}

	private TokenVerdict check(String token, UUID applicationId) {
		this.availability.requireAvailable();
		try {
			return this.tokens.check(token, applicationId);
		}
		catch (RuntimeException ex) {
			IntakeUnavailableException unavailable = this.availability.translate(ex);
			throw (unavailable != null) ? unavailable : ex;
		}
	}

	/**
	 * A token's permission to write to an application.
	 */
	private record Grant(String token, UUID applicationId) {

	}

}
