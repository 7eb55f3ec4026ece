package dev.replay.ingest.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.replay.core.privacy.Redaction;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A recorded session as lists show it.
 *
 * @param id the session id
 * @param applicationId the application
 * @param startedAt the time of the first event
 * @param endedAt the time of the last event received so far
 * @param source where it was recorded: {@code browser}, {@code android}, {@code ios}, ...
 * @param segmentCount how many segments are stored
 * @param eventCount how many events they hold
 * @param firstUrl the first page URL, if known
 * @param userId the site's user id, if the recorder sent one
 * @param userName the user's name, if the recorder sent one
 * @param userEmail the user's email, if the recorder sent one
 * @param timeline the figures of the session's timeline, once it has been indexed
 * @param live whether a segment arrived within {@link #LIVE_WINDOW}: the session is
 * probably still being recorded
 * @param indexPending whether segments arrived since the timeline was last indexed (or it
 * never was), so that its figures are not yet those of everything received
 */
@NamedInterface("api")
public record SessionSummary(String id, UUID applicationId, Instant startedAt, Instant endedAt, String source,
		int segmentCount, long eventCount, @Nullable String firstUrl, @Nullable String userId,
		@Nullable String userName, @Nullable String userEmail, @Nullable TimelineFigures timeline, boolean live,
		boolean indexPending) {

	/**
	 * How recently a segment must have arrived for a session to count as live: recorders
	 * send what they recorded every few seconds while the page is open, so two minutes
	 * without a segment means the page was closed or left idle.
	 */
	public static final Duration LIVE_WINDOW = Duration.ofMinutes(2);

	/**
	 * The session with its redaction applied to its first URL and user fields.
	 * @param redaction the session's redaction
	 * @return the session, or a redacted copy of it
	 */
	public SessionSummary redacted(Redaction redaction) {
		if (redaction.isEmpty()) {
			return this;
		}
		return new SessionSummary(this.id, this.applicationId, this.startedAt, this.endedAt, this.source,
				this.segmentCount, this.eventCount, redaction.apply(this.firstUrl), redaction.apply(this.userId),
				redaction.apply(this.userName), redaction.apply(this.userEmail), this.timeline, this.live,
				this.indexPending);
	}

	/**
	 * How long the session lasted so far.
	 * @return milliseconds from the first to the last event
	 */
	public long durationMs() {
		return this.endedAt.toEpochMilli() - this.startedAt.toEpochMilli();
	}

	/**
	 * The figures of a session's timeline summary.
	 *
	 * @param clicks clicks
	 * @param rageClicks rage clicks
	 * @param deadClicks dead clicks
	 * @param inputs inputs
	 * @param errors errors
	 * @param activeDurationMs the duration less the periods of inactivity
	 */
	public record TimelineFigures(int clicks, int rageClicks, int deadClicks, int inputs, int errors,
			long activeDurationMs) {

	}

}
