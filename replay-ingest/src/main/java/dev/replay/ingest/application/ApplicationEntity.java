package dev.replay.ingest.application;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * An application whose sessions are recorded.
 */
@Entity
@Table(name = "application")
class ApplicationEntity implements Persistable<UUID> {

	/** How long sessions are kept unless the application says otherwise. */
	public static final int DEFAULT_RETENTION_DAYS = 30;

	@Id
	private UUID id;

	@Column(nullable = false)
	private String name;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "retention_days", nullable = false)
	private int retentionDays = DEFAULT_RETENTION_DAYS;

	@Transient
	private boolean created;

	protected ApplicationEntity() {
	}

	ApplicationEntity(UUID id, String name) {
		this.id = id;
		this.name = name;
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

	Instant getCreatedAt() {
		return this.createdAt;
	}

	int getRetentionDays() {
		return this.retentionDays;
	}

	void setRetentionDays(int retentionDays) {
		this.retentionDays = retentionDays;
	}

	@Override
	public boolean isNew() {
		return this.created;
	}

}
