package dev.replay.ingest.application;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Client tokens, by id and by value.
 */
interface ClientTokenRepository extends JpaRepository<ClientTokenEntity, UUID> {

	boolean existsByToken(String token);

	/**
	 * Whether a token that is not revoked may write to an application that exists.
	 * @param token the token value
	 * @param applicationId the application
	 * @return whether it may; empty when no such token is in use
	 */
	@Query("""
			select case when (t.allApplications = true or :applicationId member of t.applicationIds)
			        and exists (select a.id from ApplicationEntity a where a.id = :applicationId)
			    then true else false end
			from ClientTokenEntity t
			where t.token = :token and t.revokedAt is null""")
	Optional<Boolean> findWritePermission(String token, UUID applicationId);

}
