package dev.replay.api.session;

import dev.replay.ingest.RumCatalog;
import dev.replay.ingest.RumPage;
import dev.replay.ingest.RumSessionSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RUM events of a session (views, actions, errors, resources, long tasks, console
 * messages) for the player's developer tools, and what they tell about the session.
 */
@RestController
@RequestMapping("/api/v1/sessions/{sessionId}/rum")
class SessionRumController {

	private final RumCatalog catalog;

	SessionRumController(RumCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	RumPage events(@PathVariable String sessionId,
			@RequestParam(required = false) @Pattern(
					regexp = "view|action|error|resource|long_task|console") @Nullable String type,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
		return this.catalog.events(sessionId, type, cursor, limit);
	}

	@GetMapping("/summary")
	ResponseEntity<RumSessionSummary> summary(@PathVariable String sessionId) {
		return ResponseEntity.of(this.catalog.summary(sessionId));
	}

}
