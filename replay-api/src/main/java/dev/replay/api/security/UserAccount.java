package dev.replay.api.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A person who signs in to find and watch recordings.
 */
@Entity
@Table(name = "app_user")
class UserAccount implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(nullable = false, unique = true)
	private String username;

	// null for users of single sign-on, who have no local password
	@Column(name = "password_hash")
	private @Nullable String passwordHash;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "session_version", nullable = false)
	private int sessionVersion;

	@Transient
	private boolean created;

	protected UserAccount() {
	}

	UserAccount(String username, String passwordHash, Role role) {
		this.id = UUID.randomUUID();
		this.username = username;
		this.passwordHash = passwordHash;
		this.role = role;
		this.createdAt = Instant.now();
		this.created = true;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	@Nullable String getPasswordHash() {
		return this.passwordHash;
	}

	Role getRole() {
		return this.role;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	int getSessionVersion() {
		return this.sessionVersion;
	}

	void changeRole(Role role) {
		this.role = role;
	}

	/**
	 * Give the user a new password, which ends the browser sessions signed in with the
	 * old one.
	 * @param passwordHash the new password's hash
	 */
	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
		this.sessionVersion++;
	}

	@Override
	public boolean isNew() {
		return this.created;
	}

}
