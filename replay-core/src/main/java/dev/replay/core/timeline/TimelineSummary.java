package dev.replay.core.timeline;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What happened in a session, for the player's seek bar and event list and for session
 * search: views, markers (clicks, rage clicks, dead clicks, errors, navigations, inputs),
 * periods of inactivity and the figures derived from them. Every offset is in
 * milliseconds from the session's first event.
 *
 * @param startTimestamp epoch milliseconds of the first event
 * @param totalDuration milliseconds from the first to the last event
 * @param activeDuration the total duration less the inactive periods
 * @param views the pages or screens viewed, in order
 * @param markers the markers, in time order
 * @param inactivity the periods of more than 5 s without user input or page change
 * @param counts the number of each kind of thing
 */
public record TimelineSummary(long startTimestamp, long totalDuration, long activeDuration, List<View> views,
		List<Marker> markers, List<Period> inactivity, Counts counts) {

	public TimelineSummary {
		views = List.copyOf(views);
		markers = List.copyOf(markers);
		inactivity = List.copyOf(inactivity);
	}

	/**
	 * The markers of one kind.
	 * @param kind the kind
	 * @return the markers, in time order
	 */
	public List<Marker> markers(MarkerKind kind) {
		return this.markers.stream().filter((marker) -> marker.kind() == kind).toList();
	}

	/**
	 * A page or screen viewed.
	 *
	 * @param url the URL, or the screen's name
	 * @param start the offset at which it was opened
	 * @param end the offset at which it was left
	 * @param opening how the recording shows it opening
	 */
	public record View(String url, long start, long end, Opening opening) {

		public View {
			// summaries stored before views told how they opened have views of snapshots
			// only
			opening = Objects.requireNonNullElse(opening, Opening.SNAPSHOT);
		}

		/**
		 * A view that opens with a snapshot of its own.
		 * @param url the URL, or the screen's name
		 * @param start the offset at which it was opened
		 * @param end the offset at which it was left
		 */
		public View(String url, long start, long end) {
			this(url, start, end, Opening.SNAPSHOT);
		}

	}

	/**
	 * How a view opens in a recording.
	 */
	public enum Opening {

		/**
		 * The recorder described the page anew (a Meta event): a page load, a screen, or
		 * a view that the Datadog SDKs recorded from a snapshot of its own.
		 */
		SNAPSHOT,

		/**
		 * A single-page app moved to another page in place (History API, back and
		 * forward, hash routes), as our recorder script's navigation events say.
		 */
		NAVIGATION

	}

	/**
	 * Something that happened at one moment.
	 *
	 * @param kind what it is
	 * @param offset when it happened
	 * @param nodeId the node clicked, or {@code -1}
	 * @param label the clicked element (tag and text) or the error message or the URL
	 * navigated to, if known
	 * @param count the number of clicks of a rage click, else 1
	 */
	public record Marker(MarkerKind kind, long offset, int nodeId, @Nullable String label, int count) {

	}

	/**
	 * The kinds of marker.
	 */
	public enum MarkerKind {

		/** A click. */
		CLICK,

		/** Three or more clicks on one element within one second. */
		RAGE_CLICK,

		/** A click after which the page did not change within one second. */
		DEAD_CLICK,

		/** An error logged to the console or reported by the application. */
		ERROR,

		/** A new page opened after the first. */
		NAVIGATION,

		/**
		 * Typing into or changing one form field: consecutive inputs into the same field,
		 * each within two seconds of the one before, are one marker that counts them.
		 */
		INPUT

	}

	/**
	 * A period of inactivity.
	 *
	 * @param start the offset of the last activity before it
	 * @param end the offset of the first activity after it, or of the session's end
	 */
	public record Period(long start, long end) {

	}

	/**
	 * The number of each kind of thing.
	 *
	 * @param clicks clicks
	 * @param rageClicks rage clicks
	 * @param deadClicks dead clicks
	 * @param inputs Input events
	 * @param errors errors
	 * @param navigations navigations
	 */
	public record Counts(int clicks, int rageClicks, int deadClicks, int inputs, int errors, int navigations) {

	}

}
