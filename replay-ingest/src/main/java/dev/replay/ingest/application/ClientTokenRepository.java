package dev.replay.ingest.application;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Client tokens, by id and by value.
 */
interface ClientTokenRepository extends JpaRepository<ClientTokenEntity, UUID> {

	boolean existsByToken(String token);

}
