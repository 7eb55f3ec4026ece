package dev.replay.ingest.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A client token. Client tokens ship inside web pages and apps, so their value is not a
 * secret: they can only write recordings.
 *
 * @param id the token's id
 * @param name the display name
 * @param token the value recorders send
 * @param applicationIds the applications it may write to, {@code null} for all
 * @param createdAt when it was created
 * @param revokedAt when it was revoked, {@code null} while valid
 */
@NamedInterface("api")
public record ClientTokenDetails(UUID id, String name, String token, @Nullable List<UUID> applicationIds,
		Instant createdAt, @Nullable Instant revokedAt) {

}
