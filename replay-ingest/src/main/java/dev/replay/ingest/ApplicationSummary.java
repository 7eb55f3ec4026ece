package dev.replay.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * An application whose sessions are recorded.
 *
 * @param id the application id, as the SDKs send it
 * @param name the display name
 * @param createdAt when it was created
 */
public record ApplicationSummary(UUID id, String name, Instant createdAt) {

}
