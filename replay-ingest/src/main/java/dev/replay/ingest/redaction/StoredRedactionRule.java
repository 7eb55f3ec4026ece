package dev.replay.ingest.redaction;

import java.time.Instant;
import java.util.UUID;

import dev.replay.core.privacy.RedactionRule;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A redaction rule as stored.
 *
 * @param id the rule's id
 * @param applicationId the application whose sessions it applies to
 * @param sessionId the one session it applies to, or {@code null} for every session of
 * the application, those recorded later included
 * @param rule what it masks
 * @param createdBy the user who made it
 * @param createdAt when
 */
@NamedInterface("api")
public record StoredRedactionRule(UUID id, UUID applicationId, @Nullable String sessionId, RedactionRule rule,
		String createdBy, Instant createdAt) {

}
