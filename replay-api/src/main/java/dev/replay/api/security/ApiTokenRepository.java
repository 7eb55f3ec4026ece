package dev.replay.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Personal API tokens, by owner and by hash.
 */
interface ApiTokenRepository extends JpaRepository<ApiToken, UUID> {

	List<ApiToken> findByUserIdOrderByCreatedAtAscIdAsc(UUID userId);

	Optional<ApiToken> findByIdAndUserId(UUID id, UUID userId);

	@Query("select t from ApiToken t where t.tokenHash = ?1 and t.revokedAt is null")
	Optional<ApiToken> findUsable(String tokenHash);

	// one write a minute per token is enough to show when it was last used
	@Modifying
	@Query("update ApiToken t set t.lastUsedAt = ?2 where t.id = ?1 and (t.lastUsedAt is null or t.lastUsedAt < ?3)")
	int touch(UUID id, Instant now, Instant notBefore);

}
