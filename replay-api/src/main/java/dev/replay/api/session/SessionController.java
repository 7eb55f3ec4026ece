package dev.replay.api.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.ingest.RecordingCatalog;
import dev.replay.ingest.SessionNotFoundException;
import dev.replay.ingest.SessionPage;
import dev.replay.ingest.SessionSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists and describes recorded sessions.
 */
@RestController
@RequestMapping("/api/v1/sessions")
@Validated
class SessionController {

	private final RecordingCatalog catalog;

	SessionController(RecordingCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping
	SessionListResponse list(@RequestParam(required = false) @Nullable UUID applicationId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "false") boolean hasErrors,
			@RequestParam(defaultValue = "false") boolean hasRageClicks) {
		SessionPage page = this.catalog.findSessions(applicationId, hasErrors, hasRageClicks, cursor, limit);
		return new SessionListResponse(page.items().stream().map(SessionResponse::of).toList(), page.nextCursor());
	}

	@GetMapping("/{sessionId}")
	SessionResponse detail(@PathVariable String sessionId) {
		return this.catalog.findSession(sessionId)
			.map(SessionResponse::of)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
	}

	record SessionListResponse(List<SessionResponse> items, @Nullable String nextCursor) {

	}

	record SessionResponse(String id, UUID applicationId, Instant startedAt, Instant endedAt, long durationMs,
			String source, int segmentCount, long eventCount, @Nullable String firstUrl, @Nullable String userId,
			SessionSummary.@Nullable TimelineFigures timeline) {

		static SessionResponse of(SessionSummary summary) {
			return new SessionResponse(summary.id(), summary.applicationId(), summary.startedAt(), summary.endedAt(),
					summary.durationMs(), summary.source(), summary.segmentCount(), summary.eventCount(),
					summary.firstUrl(), summary.userId(), summary.timeline());
		}

	}

}
