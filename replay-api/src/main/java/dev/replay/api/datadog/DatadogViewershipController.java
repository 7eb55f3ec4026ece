package dev.replay.api.datadog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.replay.api.datadog.JsonApi.Collection;
import dev.replay.api.datadog.JsonApi.Document;
import dev.replay.api.datadog.JsonApi.SessionData;
import dev.replay.api.datadog.JsonApi.WatchAttributes;
import dev.replay.api.datadog.JsonApi.WatchData;
import dev.replay.api.datadog.JsonApi.WatcherAttributes;
import dev.replay.api.datadog.JsonApi.WatcherData;
import dev.replay.api.history.WatchHistory;
import dev.replay.api.history.WatchHistory.HistoryQuery;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.api.security.Role;
import dev.replay.core.segment.EpochMillis;
import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.InvalidParameterException;
import dev.replay.ingest.session.SessionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Datadog's RUM replay viewership endpoints over Replay's watch history: watches made
 * through them are recorded with the context {@code api}, at the server's time (a
 * client's {@code timestamp} more than {@link #CLOCK_TOLERANCE} away from it is refused,
 * so that nobody backdates or postdates a watch). Only admins may read another user's
 * history.
 */
@RestController
@RequestMapping("/api/v2/rum/replay")
@Tag(name = "Datadog viewership")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@SecurityRequirement(name = "datadogApplicationKey")
@SecurityRequirement(name = "datadogApiKey")
class DatadogViewershipController {

	/** How far a watch's {@code timestamp} may be from the server's clock. */
	static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

	private final WatchHistory history;

	private final ApiWatches watches;

	private final SessionEvents sessions;

	private final ApplicationGrants grants;

	DatadogViewershipController(WatchHistory history, ApiWatches watches, SessionEvents sessions,
			ApplicationGrants grants) {
		this.history = history;
		this.watches = watches;
		this.sessions = sessions;
		this.grants = grants;
	}

	@PostMapping("/sessions/{sessionId}/watches")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "recordDatadogWatch", summary = "Record that I watched a session (Datadog)",
			description = "Records a watch by the caller, at the server's time: a timestamp more than 5 minutes "
					+ "from it is refused, one within is not kept. Audited (session.watch-recorded).")
	Document<WatchData> watch(@PathVariable String sessionId, @RequestBody Document<WatchData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		WatchAttributes attributes = (body.data() != null) ? body.data().attributes() : null;
		// as stored: the database keeps microseconds
		Instant watchedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		if (attributes != null && attributes.timestamp() != null) {
			requireNearNow(attributes.timestamp(), watchedAt);
		}
		String dataSource = (attributes != null && attributes.dataSource() != null) ? attributes.dataSource() : "rum";
		SessionSummary session = this.watches.record(sessionId, this.grants.scopeOf(me), me.id(), watchedAt);
		String applicationId = (attributes != null && attributes.applicationId() != null) ? attributes.applicationId()
				: session.applicationId().toString();
		String eventId = (attributes != null && attributes.eventId() != null) ? attributes.eventId() : sessionId;
		return new Document<>(new WatchData(UUID.randomUUID().toString(), JsonApi.WATCH,
				new WatchAttributes(applicationId, eventId, watchedAt, dataSource)));
	}

	private static void requireNearNow(Instant timestamp, Instant now) {
		if (Duration.between(timestamp, now).abs().compareTo(CLOCK_TOLERANCE) > 0) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
					Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request",
							"A watch is recorded at the server's time: its timestamp may be at most "
									+ CLOCK_TOLERANCE.toMinutes() + " minutes from now, or left out."),
					null);
		}
	}

	@DeleteMapping("/sessions/{sessionId}/watches")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteDatadogWatches", summary = "Forget my watches of a session (Datadog)",
			description = "Deletes the caller's watches of the session. Audited (session.watches-deleted).")
	void forget(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.watches.forget(sessionId, this.grants.scopeOf(me), me.id());
	}

	@GetMapping("/sessions/{sessionId}/watchers")
	@Operation(operationId = "listDatadogWatchers", summary = "List who watched a session (Datadog)",
			description = "The users who watched the session, the most recent first, as rum_replay_watcher "
					+ "resources with their watch count.")
	Collection<WatcherData> watchers(@PathVariable String sessionId,
			@RequestParam(name = "page[number]", defaultValue = "0") long number,
			@RequestParam(name = "page[size]", defaultValue = "25") long size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		Paging paging = Paging.of(number, size);
		return new Collection<>(
				this.history.watchers(sessionId, this.grants.scopeOf(me), paging.number(), paging.size())
					.stream()
					.map((watcher) -> new WatcherData(watcher.userId().toString(), JsonApi.WATCHER,
							new WatcherAttributes(watcher.username(), watcher.username(), watcher.lastWatchedAt(),
									watcher.timesWatched())))
					.toList());
	}

	@GetMapping("/viewership-history/sessions")
	@Operation(operationId = "listDatadogViewershipHistory", summary = "List my watched sessions (Datadog)",
			description = "The sessions the caller watched, the most recently watched first, optionally within "
					+ "filter[watched_at] (epoch milliseconds), of some sessions or of one application. "
					+ "filter[created_by] naming another user is for admins only.")
	@ApiResponse(responseCode = "200", description = "The watched sessions.")
	@ApiResponse(responseCode = "403", description = "filter[created_by] names another user and the caller is not "
			+ "an admin (https://replay.dev/problems/forbidden).")
	Collection<SessionData> history(
			@RequestParam(name = "filter[watched_at][start]", required = false) @Nullable Long start,
			@RequestParam(name = "filter[watched_at][end]", required = false) @Nullable Long end,
			@RequestParam(name = "filter[created_by]", required = false) @Nullable UUID createdBy,
			@RequestParam(name = "filter[session_ids]", required = false) @Nullable String sessionIds,
			@RequestParam(name = "filter[application_id]", required = false) @Nullable UUID applicationId,
			@RequestParam(name = "page[number]", defaultValue = "0") long number,
			@RequestParam(name = "page[size]", defaultValue = "25") long size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		if (createdBy != null && !createdBy.equals(me.id()) && me.role() != Role.admin) {
			throw new AccessDeniedException("Only admins may read another user's viewership history");
		}
		Paging paging = Paging.of(number, size);
		List<String> ids = (sessionIds != null && !sessionIds.isBlank())
				? Arrays.stream(sessionIds.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).toList() : null;
		ApplicationScope scope = this.grants.scopeOf(me);
		HistoryQuery query = new HistoryQuery((createdBy != null) ? createdBy : me.id(), applicationId,
				instant(start, "filter[watched_at][start]"), instant(end, "filter[watched_at][end]"), ids, scope);
		return new Collection<>(this.history.history(query, paging.number(), paging.size())
			.stream()
			.map((watched) -> this.sessions.resource(watched.sessionId(), watched.lastWatchedAt(), scope))
			.toList());
	}

	// epoch milliseconds within the range the database holds
	private static @Nullable Instant instant(@Nullable Long millis, String name) {
		if (millis == null) {
			return null;
		}
		if (!EpochMillis.isValid(millis)) {
			throw new InvalidParameterException(name + " " + EpochMillis.RANGE + ".");
		}
		return Instant.ofEpochMilli(millis);
	}

}
