package dev.replay.ingest.storage;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Applications, by id.
 */
public interface ApplicationRepository extends JpaRepository<ApplicationEntity, UUID> {

}
