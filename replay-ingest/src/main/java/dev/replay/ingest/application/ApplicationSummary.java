package dev.replay.ingest.application;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * An application whose sessions are recorded.
 *
 * @param id the application id, as the SDKs send it
 * @param name the display name
 * @param createdAt when it was created
 * @param retentionDays how many days its sessions are kept after they end, unless they
 * are held (a playlist holds its sessions)
 */
@NamedInterface("api")
public record ApplicationSummary(UUID id, String name, Instant createdAt, int retentionDays) {

}
