package dev.replay.api.playback;

import java.util.List;
import java.util.Locale;

import dev.replay.api.audit.RecordingReads;
import dev.replay.api.security.ApplicationGrants;
import dev.replay.api.security.ReplayPrincipal;
import dev.replay.core.timeline.TimelineSummary;
import dev.replay.ingest.playback.SessionTimelines;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionNotFoundException;
import dev.replay.ingest.session.SessionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The timeline summary of a session, for the player's seek bar markers and event list; a
 * read of recorded content, audited like a playback.
 */
@RestController
@Tag(name = "Playback")
class TimelineController {

	private final SessionTimelines timelines;

	private final RecordingCatalog catalog;

	private final ApplicationGrants grants;

	private final RecordingReads reads;

	TimelineController(SessionTimelines timelines, RecordingCatalog catalog, ApplicationGrants grants,
			RecordingReads reads) {
		this.timelines = timelines;
		this.catalog = catalog;
		this.grants = grants;
		this.reads = reads;
	}

	@GetMapping("/api/v1/sessions/{sessionId}/timeline")
	@Operation(operationId = "getSessionTimeline", summary = "Get a session's timeline",
			description = "The session's views, markers (clicks, rage clicks, dead clicks, errors, navigations, and "
					+ "inputs, one marker per run of inputs into one field, never what was typed), inactive periods "
					+ "and counts, for the player's seek bar and event list; stored by the indexer, computed on the "
					+ "spot before. A read of recorded content, audited as session.content-read.")
	TimelineResponse timeline(@PathVariable String sessionId, @AuthenticationPrincipal ReplayPrincipal viewer) {
		SessionSummary session = this.catalog.findSession(sessionId, this.grants.scopeOf(viewer))
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		this.reads.contentRead(sessionId, session.applicationId(), "timeline");
		TimelineSummary summary = this.timelines.summary(sessionId);
		return (summary != null) ? TimelineResponse.of(summary) : TimelineResponse.EMPTY;
	}

	/**
	 * A session's timeline; offsets and durations in milliseconds from its first event.
	 *
	 * @param startTimestamp epoch milliseconds of the first event
	 * @param totalDurationMs from the first event to the last
	 * @param activeDurationMs the total less the inactive periods
	 * @param views pages or screens
	 * @param markers clicks, rage clicks, dead clicks, errors, navigations and inputs
	 * @param inactivity periods of more than 5 s without input or page change
	 * @param counts the number of each kind
	 */
	record TimelineResponse(long startTimestamp, long totalDurationMs, long activeDurationMs, List<View> views,
			List<Marker> markers, List<Period> inactivity, TimelineSummary.Counts counts) {

		static final TimelineResponse EMPTY = new TimelineResponse(0, 0, 0, List.of(), List.of(), List.of(),
				new TimelineSummary.Counts(0, 0, 0, 0, 0, 0));

		static TimelineResponse of(TimelineSummary summary) {
			return new TimelineResponse(summary.startTimestamp(), summary.totalDuration(), summary.activeDuration(),
					summary.views().stream().map((view) -> new View(view.url(), view.start(), view.end())).toList(),
					summary.markers().stream().map(Marker::of).toList(),
					summary.inactivity().stream().map((period) -> new Period(period.start(), period.end())).toList(),
					summary.counts());
		}

	}

	@Schema(name = "TimelineView")
	record View(String url, long start, long end) {

	}

	@Schema(name = "TimelineMarker")
	record Marker(String kind, long offset, @Nullable String label, int count) {

		static Marker of(TimelineSummary.Marker marker) {
			return new Marker(marker.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), marker.offset(),
					marker.label(), marker.count());
		}

	}

	@Schema(name = "TimelinePeriod")
	record Period(long start, long end) {

	}

}
