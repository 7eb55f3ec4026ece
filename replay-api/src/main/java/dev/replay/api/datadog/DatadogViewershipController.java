package dev.replay.api.datadog;

import java.time.Instant;
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
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.core.segment.EpochMillis;
import dev.replay.ingest.InvalidParameterException;
import dev.replay.ingest.SessionSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * through them are recorded with the context {@code api}.
 */
@RestController
@RequestMapping("/api/v2/rum/replay")
class DatadogViewershipController {

	private final WatchHistory history;

	private final ApiWatches watches;

	private final SessionEvents sessions;

	DatadogViewershipController(WatchHistory history, ApiWatches watches, SessionEvents sessions) {
		this.history = history;
		this.watches = watches;
		this.sessions = sessions;
	}

	@PostMapping("/sessions/{sessionId}/watches")
	@ResponseStatus(HttpStatus.CREATED)
	Document<WatchData> watch(@PathVariable String sessionId, @RequestBody Document<WatchData> body,
			@AuthenticationPrincipal ReplayPrincipal me) {
		WatchAttributes attributes = (body.data() != null) ? body.data().attributes() : null;
		Instant watchedAt = (attributes != null && attributes.timestamp() != null) ? attributes.timestamp()
				: Instant.now();
		String dataSource = (attributes != null && attributes.dataSource() != null) ? attributes.dataSource() : "rum";
		SessionSummary session = this.watches.record(sessionId, me.id(), watchedAt);
		String applicationId = (attributes != null && attributes.applicationId() != null) ? attributes.applicationId()
				: session.applicationId().toString();
		String eventId = (attributes != null && attributes.eventId() != null) ? attributes.eventId() : sessionId;
		return new Document<>(new WatchData(UUID.randomUUID().toString(), JsonApi.WATCH,
				new WatchAttributes(applicationId, eventId, watchedAt, dataSource)));
	}

	@DeleteMapping("/sessions/{sessionId}/watches")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void forget(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.watches.forget(sessionId, me.id());
	}

	@GetMapping("/sessions/{sessionId}/watchers")
	Collection<WatcherData> watchers(@PathVariable String sessionId,
			@RequestParam(name = "page[number]", defaultValue = "0") long number,
			@RequestParam(name = "page[size]", defaultValue = "25") long size) {
		Paging paging = Paging.of(number, size);
		return new Collection<>(this.history.watchers(sessionId, paging.number(), paging.size())
			.stream()
			.map((watcher) -> new WatcherData(watcher.userId().toString(), JsonApi.WATCHER,
					new WatcherAttributes(watcher.username(), watcher.username(), watcher.lastWatchedAt(),
							watcher.timesWatched())))
			.toList());
	}

	@GetMapping("/viewership-history/sessions")
	Collection<SessionData> history(
			@RequestParam(name = "filter[watched_at][start]", required = false) @Nullable Long start,
			@RequestParam(name = "filter[watched_at][end]", required = false) @Nullable Long end,
			@RequestParam(name = "filter[created_by]", required = false) @Nullable UUID createdBy,
			@RequestParam(name = "filter[session_ids]", required = false) @Nullable String sessionIds,
			@RequestParam(name = "filter[application_id]", required = false) @Nullable UUID applicationId,
			@RequestParam(name = "page[number]", defaultValue = "0") long number,
			@RequestParam(name = "page[size]", defaultValue = "25") long size,
			@AuthenticationPrincipal ReplayPrincipal me) {
		Paging paging = Paging.of(number, size);
		List<String> ids = (sessionIds != null && !sessionIds.isBlank())
				? Arrays.stream(sessionIds.split(",")).map(String::strip).filter((id) -> !id.isEmpty()).toList() : null;
		HistoryQuery query = new HistoryQuery((createdBy != null) ? createdBy : me.id(), applicationId,
				instant(start, "filter[watched_at][start]"), instant(end, "filter[watched_at][end]"), ids);
		return new Collection<>(this.history.history(query, paging.number(), paging.size())
			.stream()
			.map((watched) -> this.sessions.resource(watched.sessionId(), watched.lastWatchedAt()))
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
