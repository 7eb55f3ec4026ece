package dev.replay.api.playlist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The items of playlists, in the order they were added.
 */
interface PlaylistItemRepository extends JpaRepository<PlaylistItem, Long> {

	Page<PlaylistItem> findByPlaylistIdOrderByIdAsc(long playlistId, Pageable pageable);

	List<PlaylistItem> findByPlaylistIdOrderByIdAsc(long playlistId);

	Optional<PlaylistItem> findByPlaylistIdAndSessionId(long playlistId, String sessionId);

	List<PlaylistItem> findByPlaylistIdAndSessionIdIn(long playlistId, Collection<String> sessionIds);

	List<PlaylistItem> findBySessionIdOrderByPlaylistIdAsc(String sessionId);

	boolean existsByPlaylistIdAndSessionId(long playlistId, String sessionId);

	long countByPlaylistId(long playlistId);

}
