package dev.replay.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
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

	private final ApiTokenRepository tokens;

	private final UserAccountRepository users;

	private final AuditLog audit;

	ApiTokens(ApiTokenRepository tokens, UserAccountRepository users, AuditLog audit) {
		this.tokens = tokens;
		this.users = users;
		this.audit = audit;
	}

	@Transactional
	CreatedToken create(UUID userId, String name) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = this.tokens.save(new ApiToken(userId, name, hash(value), value.substring(0, 10)));
		this.audit.record("api-token.created", "api-token", token.getId().toString(), Map.of("name", name));
		return new CreatedToken(TokenDetails.of(token), value);
	}

	@Transactional(readOnly = true)
	List<TokenDetails> list(UUID userId) {
		return this.tokens.findByUserIdOrderByCreatedAtAscIdAsc(userId).stream().map(TokenDetails::of).toList();
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
	 * The user a token belongs to, if the token is valid.
	 * @param value the token as presented
	 * @return the user, empty for an unknown or revoked token
	 */
	@Transactional
	Optional<ReplayPrincipal> authenticate(String value) {
		Optional<ApiToken> token = this.tokens.findUsable(hash(value));
		if (token.isEmpty()) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		this.tokens.touch(token.get().getId(), now, now.minus(TOUCH_INTERVAL));
		return this.users.findById(token.get().getUserId())
			.map((user) -> new ReplayPrincipal(user.getId(), user.getUsername(), "", user.getRole()));
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
	 */
	record TokenDetails(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt,
			@Nullable Instant revokedAt) {

		static TokenDetails of(ApiToken token) {
			return new TokenDetails(token.getId(), token.getName(), token.getTokenPrefix(), token.getCreatedAt(),
					token.getLastUsedAt(), token.getRevokedAt());
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

}
