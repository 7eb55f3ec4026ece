package dev.replay.api.playlist;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A session in a playlist, with who added it and when; ids grow in the order items are
 * added.
 */
@Entity
@Table(name = "playlist_item")
class PlaylistItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "playlist_id", nullable = false)
	private long playlistId;

	@Column(name = "session_id", nullable = false)
	private String sessionId;

	@Column(name = "added_by", nullable = false)
	private String addedBy;

	@Column(name = "added_at", nullable = false)
	private Instant addedAt;

	protected PlaylistItem() {
	}

	PlaylistItem(long playlistId, String sessionId, String addedBy) {
		this.playlistId = playlistId;
		this.sessionId = sessionId;
		this.addedBy = addedBy;
		this.addedAt = Instant.now();
	}

	long getPlaylistId() {
		return this.playlistId;
	}

	String getSessionId() {
		return this.sessionId;
	}

	String getAddedBy() {
		return this.addedBy;
	}

	Instant getAddedAt() {
		return this.addedAt;
	}

}
