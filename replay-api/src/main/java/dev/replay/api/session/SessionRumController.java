package dev.replay.api.session;

import java.util.UUID;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.rum.RumCatalog;
import dev.replay.ingest.rum.RumPage;
import dev.replay.ingest.rum.RumSessionSummary;
import dev.replay.ingest.session.SessionNotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RUM events of a session (views, actions, errors, resources, long tasks, console
 * messages) for the player's developer tools, and what they tell about the session: reads
 * of recorded content (user fields, errors, URLs), audited like a playback, of sessions
 * of the applications the caller is granted.
 */
@RestController
@RequestMapping("/api/v1/sessions/{sessionId}/rum")
@Tag(name = "Sessions")
class SessionRumController {

	private final RumCatalog catalog;

	private final ApplicationGrants grants;

	private final RecordingReads reads;

	SessionRumController(RumCatalog catalog, ApplicationGrants grants, RecordingReads reads) {
		this.catalog = catalog;
		this.grants = grants;
		this.reads = reads;
	}

	@GetMapping
	@Operation(operationId = "listSessionRumEvents", summary = "List a session's RUM events",
			description = "The session's RUM events in time order, one page at a time (pass nextCursor as cursor): "
					+ "sent by a Datadog SDK (origin datadog), or console messages, unhandled errors, "
					+ "navigations, requests, clicks and long tasks recorded by our recorder script (origin "
					+ "recorder, derived when the session is indexed). offsetMs is from the session's start, raw "
					+ "the event as sent. captured lists which of resource, action and long_task the session's "
					+ "recorders captured, whether or not any happened. A read of recorded content, audited as "
					+ "session.content-read.")
	RumPage events(@PathVariable String sessionId,
			@RequestParam(required = false) @Pattern(
					regexp = "view|action|error|resource|long_task|console") @Nullable String type,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit,
			@AuthenticationPrincipal ReplayPrincipal viewer) {
		ApplicationScope scope = audited(sessionId, viewer);
		return this.catalog.events(sessionId, scope, type, cursor, limit);
	}

	@GetMapping("/summary")
	@Operation(operationId = "getSessionRumSummary", summary = "Summarise a session's RUM events",
			description = "What RUM told about the session: its user and device, first and last URL, counts of "
					+ "views, errors, actions and frustrations, and each view's timings. A read of recorded "
					+ "content, audited as session.content-read.")
	@ApiResponse(responseCode = "200", description = "The summary.")
	@ApiResponse(responseCode = "404", description = "No recorded session with that id among the applications the "
			+ "caller is granted (https://replay.dev/problems/session-not-found); or, with an empty body, no RUM "
			+ "event was received for it.")
	ResponseEntity<RumSessionSummary> summary(@PathVariable String sessionId,
			@AuthenticationPrincipal ReplayPrincipal viewer) {
		ApplicationScope scope = audited(sessionId, viewer);
		return ResponseEntity.of(this.catalog.summary(sessionId, scope));
	}

	private ApplicationScope audited(String sessionId, ReplayPrincipal viewer) {
		ApplicationScope scope = this.grants.scopeOf(viewer);
		UUID applicationId = this.catalog.applicationOf(sessionId, scope)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		this.reads.contentRead(sessionId, applicationId, "rum");
		return scope;
	}

}
