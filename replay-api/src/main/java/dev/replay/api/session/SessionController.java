package dev.replay.api.session;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.session.SessionSearch.Watched;
import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionClient;
import dev.replay.ingest.session.SessionFilter;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionPage;
import dev.replay.ingest.session.SessionSort;
import dev.replay.ingest.session.SessionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Searches, describes and deletes recorded sessions. {@code watchedByMe=true} lists only
 * the sessions the caller watched, {@code watchedByMe=false} those they did not, and
 * {@code notWatched=true} those that nobody watched (see {@link SessionSearch}); the
 * other filters (among them {@code error} and {@code action}, over RUM error messages and
 * action names) and the sort orders are those of {@link SessionFilter} and
 * {@link SessionSort}. Only sessions of the applications the caller is granted are found;
 * any other answers 404, like a missing one.
 */
@RestController
@RequestMapping("/api/v1/sessions")
@Validated
@Tag(name = "Sessions")
class SessionController {

	private static final int MAX_SEARCH = 500;

	private final RecordingCatalog catalog;

	private final SessionSearch search;

	private final SessionRemoval removal;

	private final ApplicationGrants grants;

	SessionController(RecordingCatalog catalog, SessionSearch search, SessionRemoval removal,
			ApplicationGrants grants) {
		this.catalog = catalog;
		this.search = search;
		this.removal = removal;
		this.grants = grants;
	}

	@GetMapping
	@Operation(operationId = "searchSessions", summary = "Search sessions",
			description = "Sessions that pass every filter given, in the order of sort, one page at a time. "
					+ "A page ends with nextCursor when more follow; pass it as cursor with the same filters "
					+ "and sort. Bad values answer 400 problem details.")
	SessionListResponse list(
			@Parameter(description = "only sessions of this application") @RequestParam(
					required = false) @Nullable UUID applicationId,
			@Parameter(
					description = "true: only sessions I watched; false: only sessions I did not watch") @RequestParam(
							required = false) @Nullable Boolean watchedByMe,
			@Parameter(description = "only sessions that nobody watched") @RequestParam(
					defaultValue = "false") boolean notWatched,
			@Parameter(description = "the nextCursor of the previous page, made with the same sort") @RequestParam(
					required = false) @Nullable String cursor,
			@Parameter(description = "page size") @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@Parameter(description = "only indexed sessions with errors") @RequestParam(
					defaultValue = "false") boolean hasErrors,
			@Parameter(description = "only indexed sessions with rage clicks") @RequestParam(
					defaultValue = "false") boolean hasRageClicks,
			@Parameter(description = "only sessions that started at or after this ISO-8601 instant",
					example = "2026-01-31T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
			@Parameter(description = "only sessions that started before this ISO-8601 instant",
					example = "2026-02-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to,
			@Parameter(description = "only sessions that lasted at least this many milliseconds") @RequestParam(
					required = false) @Min(0) @Nullable Long minDurationMs,
			@Parameter(description = "only sessions that lasted at most this many milliseconds") @RequestParam(
					required = false) @Min(0) @Nullable Long maxDurationMs,
			@Parameter(description = "only sessions recorded by these sources (browser, android, ios, ...); "
					+ "repeat the parameter or separate with commas") @RequestParam(
							required = false) @Nullable List<String> source,
			@Parameter(description = "only sessions whose first URL or one of whose views' URLs contains this "
					+ "text, ignoring case") @RequestParam(
							required = false) @Size(max = MAX_SEARCH) @Nullable String url,
			@Parameter(
					description = "only sessions whose user id, name or email contains this text, ignoring case") @RequestParam(
							required = false) @Size(max = MAX_SEARCH) @Nullable String user,
			@Parameter(description = "only sessions of the user with exactly this id") @RequestParam(
					required = false) @Size(max = MAX_SEARCH) @Nullable String userId,
			@Parameter(
					description = "start: newest first (default); duration: longest first; "
							+ "activity: most recorded events first",
					schema = @Schema(allowableValues = { "start", "duration", "activity" },
							defaultValue = "start")) @RequestParam(defaultValue = "start") String sort,
			@Parameter(
					description = "only sessions with a RUM error whose message contains this text, ignoring case") @RequestParam(
							required = false) @Size(max = MAX_SEARCH) @Nullable String error,
			@Parameter(
					description = "only sessions with a RUM action whose name contains this text, ignoring case") @RequestParam(
							required = false) @Size(max = MAX_SEARCH) @Nullable String action,
			@AuthenticationPrincipal ReplayPrincipal me) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw badRequest("from must be before to.");
		}
		if (minDurationMs != null && maxDurationMs != null && minDurationMs > maxDurationMs) {
			throw badRequest("minDurationMs must not be greater than maxDurationMs.");
		}
		SessionFilter filter = new SessionFilter(applicationId, null, Set.of(), hasErrors, hasRageClicks, from, to,
				minDurationMs, maxDurationMs, sources(source), blankToNull(url), blankToNull(user), blankToNull(error),
				blankToNull(action), blankToNull(userId));
		SessionPage page = this.search.find(filter, new Watched(watchedByMe, notWatched), SessionSort.of(sort), cursor,
				limit, me);
		return new SessionListResponse(page.items().stream().map(SessionResponse::of).toList(), page.nextCursor());
	}

	private static List<String> sources(@Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.distinct()
			.toList();
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text != null && !text.isBlank()) ? text.strip() : null;
	}

	private static ErrorResponseException badRequest(String detail) {
		return new ErrorResponseException(HttpStatus.BAD_REQUEST,
				Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request", detail), null);
	}

	@GetMapping("/{sessionId}")
	@Operation(operationId = "getSession", summary = "Get a session",
			description = "What is known about a recorded session: when, how long, how many segments and events, "
					+ "its first URL, its user and, once indexed, its timeline figures.")
	SessionResponse detail(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal me) {
		SessionSummary summary = this.catalog.findSession(sessionId, this.grants.scopeOf(me))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		return SessionResponse.of(summary, this.catalog.findClient(sessionId).orElse(null));
	}

	@DeleteMapping("/{sessionId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteSession", summary = "Delete a session",
			description = "Admin only. Deletes the session, its segments and everything derived from them. "
					+ "Audited (session.deleted).")
	void delete(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.removal.delete(sessionId, this.grants.scopeOf(me));
	}

	record SessionListResponse(List<SessionResponse> items, @Nullable String nextCursor) {

	}

	record SessionResponse(String id, UUID applicationId, Instant startedAt, Instant endedAt, long durationMs,
			String source, int segmentCount, long eventCount, @Nullable String firstUrl, @Nullable String userId,
			@Nullable String userName, @Nullable String userEmail, SessionSummary.@Nullable TimelineFigures timeline,
			@Schema(description = "whether a segment arrived in the last two minutes: the session is probably "
					+ "still being recorded") boolean live,
			@Schema(description = "whether segments arrived since the timeline was last indexed, so that its "
					+ "figures are not yet those of everything received") boolean indexPending,
			@Schema(description = "the browser and device, on a single session only") @Nullable SessionClient client) {

		static SessionResponse of(SessionSummary summary) {
			return of(summary, null);
		}

		static SessionResponse of(SessionSummary summary, @Nullable SessionClient client) {
			return new SessionResponse(summary.id(), summary.applicationId(), summary.startedAt(), summary.endedAt(),
					summary.durationMs(), summary.source(), summary.segmentCount(), summary.eventCount(),
					summary.firstUrl(), summary.userId(), summary.userName(), summary.userEmail(), summary.timeline(),
					summary.live(), summary.indexPending(), client);
		}

	}

}
