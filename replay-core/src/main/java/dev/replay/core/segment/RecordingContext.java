package dev.replay.core.segment;

import org.jspecify.annotations.Nullable;

/**
 * What a recorder tells about the page and the user besides the events.
 *
 * @param url the page URL
 * @param userAgent the browser's user agent
 * @param userId the site's id of the signed-in user
 * @param userName the user's display name
 * @param userEmail the user's email address
 */
public record RecordingContext(@Nullable String url, @Nullable String userAgent, @Nullable String userId,
		@Nullable String userName, @Nullable String userEmail) {

	/** A context that tells nothing. */
	public static final RecordingContext EMPTY = new RecordingContext(null, null, null, null, null);

}
