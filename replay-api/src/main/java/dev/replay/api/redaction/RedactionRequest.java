package dev.replay.api.redaction;

import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A redaction rule to add.
 *
 * @param text a text to mask wherever it occurs, or {@code null}
 * @param selector a CSS selector whose elements to mask, or {@code null}
 * @param applicationId for every session of this application instead of one session, or
 * {@code null}
 */
record RedactionRequest(
		@Schema(description = "a text masked wherever it occurs (case-sensitive), 1 to 500 "
				+ "characters") @Nullable String text,
		@Schema(description = "a CSS selector: the matching elements' text, input values and attributes are "
				+ "masked and their images blanked") @Nullable String selector,
		@Schema(description = "apply the rule to every stored session of this application and to those recorded "
				+ "later, instead of one session") @Nullable UUID applicationId) {

}
