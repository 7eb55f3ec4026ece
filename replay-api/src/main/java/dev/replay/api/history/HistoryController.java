package dev.replay.api.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.api.history.WatchHistory.HistoryQuery;
import dev.replay.api.history.WatchHistory.WatchedSession;
import dev.replay.api.history.WatchHistory.Watcher;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who watched a session, and My Watch History.
 */
@RestController
@Validated
@Tag(name = "History")
class HistoryController {

	private final WatchHistory history;

	private final ApplicationGrants grants;

	HistoryController(WatchHistory history, ApplicationGrants grants) {
		this.history = history;
		this.grants = grants;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/watchers")
	@Operation(operationId = "listSessionWatchers", summary = "List who watched a session",
			description = "How many times the session was played, by anyone, and who played it, the most recent "
					+ "first, with how often and when last.")
	WatchersResponse watchers(@PathVariable String sessionId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		List<Watcher> watchers = this.history.watchers(sessionId, this.grants.scopeOf(me), page, size);
		return new WatchersResponse(sessionId, this.history.watchCount(sessionId), watchers);
	}

	@GetMapping("/api/v1/me/history")
	@Operation(operationId = "getMyHistory", summary = "List my watch history",
			description = "The sessions I played, the most recently watched first, filtered by application and by "
					+ "when I watched them (from inclusive, to exclusive).")
	PageResponse<WatchedSession> myHistory(@AuthenticationPrincipal ReplayPrincipal me,
			@RequestParam(required = false) @Nullable UUID applicationId,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		HistoryQuery query = new HistoryQuery(me.id(), applicationId, from, to, null, this.grants.scopeOf(me));
		return new PageResponse<>(this.history.history(query, page, size), page, size, this.history.historySize(query));
	}

	/**
	 * Who watched a session.
	 *
	 * @param sessionId the session
	 * @param watchedCount how many times it was played, by anyone
	 * @param watchers who played it, the most recent first
	 */
	record WatchersResponse(String sessionId, long watchedCount, List<Watcher> watchers) {

	}

}
