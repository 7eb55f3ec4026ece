package dev.replay.ingest.erasure;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * An erasure and how far it got.
 *
 * @param id the erasure
 * @param applicationId the one application whose sessions it erases, or {@code null} for
 * all
 * @param subjectKind whether the person was named by user id or email
 * @param subjectSha256 the SHA-256 of the person's kind and value (see
 * {@link ErasureSubject#sha256()})
 * @param status where it is
 * @param sessionsFound the person's sessions when it was requested
 * @param sessionsErased the sessions erased so far (more than found if more were recorded
 * meanwhile)
 * @param batches the batches run so far
 * @param requestedBy who asked
 * @param requestedAt when
 * @param completedAt when it completed, or {@code null}
 */
@NamedInterface("api")
public record Erasure(UUID id, @Nullable UUID applicationId, SubjectKind subjectKind, String subjectSha256,
		ErasureStatus status, int sessionsFound, int sessionsErased, int batches, String requestedBy,
		Instant requestedAt, @Nullable Instant completedAt) {

}
