package dev.replay.api.redaction;

import java.time.Instant;
import java.util.UUID;

import dev.replay.ingest.redaction.StoredRedactionRule;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A redaction rule.
 *
 * @param id its id
 * @param applicationId the application whose sessions it masks
 * @param sessionId the one session it masks, or {@code null} for all of the application
 * @param text the text it masks, or {@code null}
 * @param selector the CSS selector whose elements it masks, or {@code null}
 * @param createdBy who made it
 * @param createdAt when
 */
record RedactionResponse(UUID id, UUID applicationId, @Schema(
		description = "the session it masks; absent for a rule of every session of the application") @Nullable String sessionId,
		@Nullable String text, @Nullable String selector, String createdBy, Instant createdAt) {

	static RedactionResponse of(StoredRedactionRule rule) {
		return new RedactionResponse(rule.id(), rule.applicationId(), rule.sessionId(), rule.rule().text(),
				rule.rule().selector(), rule.createdBy(), rule.createdAt());
	}

}
