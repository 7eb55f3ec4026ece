package dev.replay.ingest.application;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Persistable;

/**
 * A client token: a public, write-only credential that recorders send with their
 * segments.
 */
@Entity
@Table(name = "client_token")
class ClientTokenEntity implements Persistable<UUID> {

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false, unique = true)
	private String token;

	@Column(name = "all_applications", nullable = false)
	private boolean allApplications;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "client_token_application", joinColumns = @JoinColumn(name = "client_token_id"))
	@Column(name = "application_id")
	private Set<UUID> applicationIds = new HashSet<>();

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "revoked_at")
	private @Nullable Instant revokedAt;

	@Transient
	private boolean created;

	protected ClientTokenEntity() {
	}

	ClientTokenEntity(UUID id, String name, String token, @Nullable Set<UUID> applicationIds) {
		this.id = id;
		this.name = name;
		this.token = token;
		this.allApplications = applicationIds == null;
		this.applicationIds = (applicationIds != null) ? new HashSet<>(applicationIds) : new HashSet<>();
		this.createdAt = Instant.now();
		this.created = true;
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	String getToken() {
		return this.token;
	}

	boolean isAllApplications() {
		return this.allApplications;
	}

	Set<UUID> getApplicationIds() {
		return Set.copyOf(this.applicationIds);
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	@Nullable Instant getRevokedAt() {
		return this.revokedAt;
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
