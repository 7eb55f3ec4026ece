package dev.replay.api.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A personal API token; only the SHA-256 hash of its value is kept.
 */
@Entity
@Table(name = "api_token")
class ApiToken implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(name = "user_id", nullable = false)
	private UUID userId;

	@Column(nullable = false)
	private String name;

	@Column(name = "token_hash", nullable = false, unique = true)
	private String tokenHash;

	@Column(name = "token_prefix", nullable = false)
	private String tokenPrefix;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private @Nullable Instant lastUsedAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Column(name = "expires_at")
	private @Nullable Instant expiresAt;

	@Column(nullable = false)
	private String scope;

	@Transient
	private boolean created;

	protected ApiToken() {
	}

	ApiToken(UUID userId, String name, String tokenHash, String tokenPrefix, Instant createdAt,
			@Nullable Instant expiresAt, TokenScope scope) {
		this.id = UUID.randomUUID();
		this.userId = userId;
		this.name = name;
		this.tokenHash = tokenHash;
		this.tokenPrefix = tokenPrefix;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
		this.scope = scope.value();
		this.created = true;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	UUID getUserId() {
		return this.userId;
	}

	String getName() {
		return this.name;
	}

	String getTokenPrefix() {
		return this.tokenPrefix;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	@Nullable Instant getRevokedAt() {
		return this.revokedAt;
	}

	@Nullable Instant getExpiresAt() {
		return this.expiresAt;
	}

	TokenScope getScope() {
		return TokenScope.of(this.scope);
	}

	boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	void revoke() {
		if (this.revokedAt == null) {
			this.revokedAt = Instant.now();
		}
	}

	@Override
	public boolean isNew() {
		return this.created;
	}

}
