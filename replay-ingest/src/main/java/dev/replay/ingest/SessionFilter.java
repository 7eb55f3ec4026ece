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
 */
public record SessionFilter(@Nullable UUID applicationId, @Nullable UUID watchedBy, @Nullable UUID notWatchedBy,
		boolean notWatched, boolean hasErrors, boolean hasRageClicks) {

	/**
	 * A filter on the application alone.
	 * @param applicationId the application, or {@code null} for all
	 * @return the filter
	 */
	public static SessionFilter ofApplication(@Nullable UUID applicationId) {
		return new SessionFilter(applicationId, null, null, false, false, false);
	}

}
