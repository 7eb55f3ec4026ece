package dev.replay.api.playlist;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Playlists, searched by owner and name.
 */
interface PlaylistRepository extends JpaRepository<Playlist, Long> {

	@Query("""
			select p from Playlist p
			where (:ownerId is null or p.ownerId = :ownerId)
			  and (:name is null or lower(p.name) like lower(concat('%', cast(:name as string), '%')))
			order by p.updatedAt desc, p.id desc""")
	Page<Playlist> search(@Nullable UUID ownerId, @Nullable String name, Pageable pageable);

}
