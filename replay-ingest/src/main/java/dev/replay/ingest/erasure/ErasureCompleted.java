package dev.replay.ingest.erasure;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * Published in the transaction that found no session of an erasure's person left.
 *
 * @param erasureId the erasure
 * @param applicationId its one application, or {@code null} for all
 * @param requestedBy who asked for it
 * @param sessionsErased how many sessions it erased
 * @param batches in how many batches
 */
@NamedInterface("api")
public record ErasureCompleted(UUID erasureId, @Nullable UUID applicationId, String requestedBy, int sessionsErased,
		int batches) {

}
