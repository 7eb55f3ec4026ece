package dev.replay.ingest.application;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Applications, by id.
 */
interface ApplicationRepository extends JpaRepository<ApplicationEntity, UUID> {

}
