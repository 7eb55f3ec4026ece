package dev.replay.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, lists, revokes and checks personal API tokens. A token is 32 random bytes, so a
 * plain SHA-256 of it is as good as a slow password hash and can be looked up directly.
 */
@Service
class ApiTokens {

	static final String PREFIX = "rpl_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	/** The longest a token may be issued for. */
	static final int MAX_EXPIRY_DAYS = 365;

	private final ApiTokenRepository tokens;

	private final UserAccountRepository users;

	private final AuditLog audit;

	ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, AuditLog audit) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
	}

	@Transactional
	CreatedToken create(UUID userId, String name, @Nullable Integer expiresInDays, TokenScope scope) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		// as stored: the database keeps microseconds
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant expiresAt = (expiresInDays != null) ? now.plus(Duration.ofDays(expiresInDays)) : null;
		ApiToken token = this.tokens
			.save(new ApiToken(userId, name, hash(value), value.substring(0, 10), now, expiresAt, scope));
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", name);
		details.put("scope", scope.value());
		if (expiresAt != null) {
			details.put("expiresAt", expiresAt.toString());
		}
		this.audit.record("api-token.created", "api-token", token.getId().toString(), details);
		return new CreatedToken(TokenDetails.of(token), value);
	}

	@Transactional(readOnly = true)
	List<TokenDetails> list(UUID userId) {
		return this.tokens.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream().map(TokenDetails::of).toList();
	}

	/**
	 * The tokens of any user, for an admin.
	 * @param userId the owner
	 * @return their tokens, the oldest first
	 * @throws UserNotFoundException if there is no such user
	 */
	@Transactional(readOnly = true)
	List<TokenDetails> listOf(UUID userId) {
		requireUser(userId);
		return list(userId);
	}

	@Transactional
	TokenDetails revoke(UUID userId, UUID tokenId) {
		ApiToken token = this.tokens.findByIdAndUserId(tokenId, userId)
			.orElseThrow(() -> new ApiTokenNotFoundException(tokenId));
		token.revoke();
		this.audit.record("api-token.revoked", "api-token", tokenId.toString(), Map.of("name", token.getName()));
		return TokenDetails.of(token);
	}

	/**
	 * Revoke a token of any user, for an admin; the audit event names the owner.
	 * @param userId the owner
	 * @param tokenId the token
	 * @return the token, revoked
	 * @throws UserNotFoundException if there is no such user
	 * @throws ApiTokenNotFoundException if the user has no such token
	 */
	@Transactional
	TokenDetails revokeOf(UUID userId, UUID tokenId) {
		UserAccount owner = requireUser(userId);
		ApiToken token = this.tokens.findByIdAndUserId(tokenId, userId)
			.orElseThrow(() -> new ApiTokenNotFoundException(tokenId));
		token.revoke();
		this.audit.record("api-token.revoked", "api-token", tokenId.toString(),
				Map.of("name", token.getName(), "owner", owner.getUsername(), "ownerId", userId.toString()));
		return TokenDetails.of(token);
	}

	private UserAccount requireUser(UUID userId) {
		return this.users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
	}

	/**
	 * The user a token belongs to and what the token may do, if the token is valid.
	 * @param value the token as presented
	 * @return the sign-in, or why the token is refused
	 */
	@Transactional
	TokenCheck authenticate(String value) {
		Optional<ApiToken> found = this.tokens.findUsable(hash(value));
		if (found.isEmpty()) {
			return new TokenCheck.Refused("unknown or revoked token");
		}
		ApiToken token = found.get();
		Instant now = Instant.now();
		if (token.isExpiredAt(now)) {
			return new TokenCheck.Refused("expired token");
		}
		this.tokens.touch(token.getId(), now, now.minus(TOUCH_INTERVAL));
		return this.users.findById(token.getUserId())
			.<TokenCheck>map((user) -> new TokenCheck.Valid(
					new ReplayPrincipal(user.getId(), user.getUsername(), "", user.getRole()), token.getScope()))
			.orElseGet(() -> new TokenCheck.Refused("unknown user"));
	}

	static String hash(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A token as its owner sees it later: never its value.
	 *
	 * @param id the token's id
	 * @param name the display name
	 * @param prefix the first characters of the value, to recognise it
	 * @param createdAt when it was issued
	 * @param lastUsedAt when it was last used, to the minute
	 * @param revokedAt when it was revoked
	 * @param expiresAt when it stops working, or {@code null} if it never expires
	 * @param scope what it may do
	 */
	record TokenDetails(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt, @Nullable Instant expiresAt, TokenScope scope) {

		static TokenDetails of(ApiToken token) {
			return new TokenDetails(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
					token.getLastUsedAt(), token.getRevokedAt(), token.getExpiresAt(), token.getScope());
		}

	}

	/**
	 * A token just issued, with the value that is shown this once.
	 *
	 * @param details the token
	 * @param token its value
	 */
	record CreatedToken(TokenDetails details, String token) {

	}

	/**
	 * What checking a presented token found.
	 */
	sealed interface TokenCheck {

		/**
		 * A valid token.
		 *
		 * @param user its owner, signed in
		 * @param scope what the token may do
		 */
		record Valid(ReplayPrincipal user, TokenScope scope) implements TokenCheck {

		}

		/**
		 * A token that signs nobody in.
		 *
		 * @param reason why, for the audit trail
		 */
		record Refused(String reason) implements TokenCheck {

		}

	}

}
