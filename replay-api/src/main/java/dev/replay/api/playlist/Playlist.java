package dev.replay.api.playlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A named list of sessions; its items are {@link PlaylistItem}s.
 */
@Entity
@Table(name = "playlist")
class Playlist {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false)
	private String name;

	private @Nullable String description;

	@Column(name = "owner_id")
	private @Nullable UUID ownerId;

	@Column(name = "owner_username", nullable = false)
	private String ownerUsername;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Playlist() {
	}

	Playlist(String name, @Nullable String description, UUID ownerId, String ownerUsername) {
		this.name = name;
		this.description = description;
		this.ownerId = ownerId;
		this.ownerUsername = ownerUsername;
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	long getId() {
		if (this.id == null) {
			throw new IllegalStateException("Playlist is not saved yet");
		}
		return this.id;
	}

	String getName() {
		return this.name;
	}

	@Nullable String getDescription() {
		return this.description;
	}

	@Nullable UUID getOwnerId() {
		return this.ownerId;
	}

	String getOwnerUsername() {
		return this.ownerUsername;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getUpdatedAt() {
		return this.updatedAt;
	}

	void rename(String name) {
		this.name = name;
		touch();
	}

	void describe(@Nullable String description) {
		this.description = description;
		touch();
	}

	void touch() {
		this.updatedAt = Instant.now();
	}

}
