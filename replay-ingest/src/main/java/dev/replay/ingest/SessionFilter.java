package dev.replay.ingest;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which sessions to list; every part is optional.
 *
 * @param applicationId only sessions of this application
 * @param watchedBy only sessions this user watched
 * @param notWatchedBy only sessions this user did not watch
 * @param notWatched only sessions that nobody watched
 * @param error only sessions with an error whose message contains this text, ignoring
 * case
 * @param action only sessions with an action whose name contains this text, ignoring case
 */
public record SessionFilter(@Nullable UUID applicationId, @Nullable UUID watchedBy, @Nullable UUID notWatchedBy,
		boolean notWatched, boolean hasErrors, boolean hasRageClicks, @Nullable String error, @Nullable String action) {

	public SessionFilter(@Nullable UUID applicationId, @Nullable UUID watchedBy, @Nullable UUID notWatchedBy,
			boolean notWatched, boolean hasErrors, boolean hasRageClicks) {
		this(applicationId, watchedBy, notWatchedBy, notWatched, hasErrors, hasRageClicks, null, null);
	}

	/**
	 * This filter, also keeping only sessions with a matching RUM error or action.
	 * @param error text of an error message, or {@code null} or blank for any
	 * @param action text of an action name, or {@code null} or blank for any
	 * @return the filter
	 */
	public SessionFilter withRumSearch(@Nullable String error, @Nullable String action) {
		return new SessionFilter(this.applicationId, this.watchedBy, this.notWatchedBy, this.notWatched, this.hasErrors,
				this.hasRageClicks, (error != null && !error.isBlank()) ? error.strip() : null,
				(action != null && !action.isBlank()) ? action.strip() : null);
	}

	/**
	 * A filter on the application alone.
	 * @param applicationId the application, or {@code null} for all
	 * @return the filter
	 */
	public static SessionFilter ofApplication(@Nullable UUID applicationId) {
		return new SessionFilter(applicationId, null, null, false, false, false);
	}

}
