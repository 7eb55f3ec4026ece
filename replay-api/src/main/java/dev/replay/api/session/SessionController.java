package dev.replay.api.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ReplayPrincipal;
import dev.replay.ingest.RecordingCatalog;
import dev.replay.ingest.SessionFilter;
import dev.replay.ingest.SessionNotFoundException;
import dev.replay.ingest.SessionPage;
import dev.replay.ingest.SessionSummary;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lists, describes and deletes recorded sessions. {@code watchedByMe=true} lists only the
 * sessions the caller watched, {@code watchedByMe=false} those they did not, and
 * {@code notWatched=true} those that nobody watched; {@code error} and {@code action}
 * keep the sessions with a RUM error message or action name that contains the text.
 */
@RestController
@RequestMapping("/api/v1/sessions")
@Validated
class SessionController {

	private final RecordingCatalog catalog;

	private final SessionRemoval removal;

	SessionController(RecordingCatalog catalog, SessionRemoval removal) {
		this.catalog = catalog;
		this.removal = removal;
	}

	@GetMapping
	SessionListResponse list(@RequestParam(required = false) @Nullable UUID applicationId,
			@RequestParam(required = false) @Nullable Boolean watchedByMe,
			@RequestParam(defaultValue = "false") boolean notWatched,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(defaultValue = "false") boolean hasErrors,
			@RequestParam(defaultValue = "false") boolean hasRageClicks, @AuthenticationPrincipal ReplayPrincipal me,
			@RequestParam(required = false) @Size(max = 200) @Nullable String error,
			@RequestParam(required = false) @Size(max = 200) @Nullable String action) {
		SessionFilter filter = new SessionFilter(applicationId, Boolean.TRUE.equals(watchedByMe) ? me.id() : null,
				Boolean.FALSE.equals(watchedByMe) ? me.id() : null, notWatched, hasErrors, hasRageClicks)
			.withRumSearch(error, action);
		SessionPage page = this.catalog.findSessions(filter, cursor, limit);
		return new SessionListResponse(page.items().stream().map(SessionResponse::of).toList(), page.nextCursor());
	}

	@GetMapping("/{sessionId}")
	SessionResponse detail(@PathVariable String sessionId) {
		return this.catalog.findSession(sessionId)
			.map(SessionResponse::of)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
	}

	@DeleteMapping("/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String sessionId) {
		this.removal.delete(sessionId);
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
