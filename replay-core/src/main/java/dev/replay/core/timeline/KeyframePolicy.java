package dev.replay.core.timeline;

/**
 * When {@link KeyframeBuilder} writes a keyframe: once the page changed and either
 * {@code intervalMillis} of session time or {@code maxChanges} page-changing events have
 * passed since the last keyframe or recorded full snapshot.
 *
 * @param intervalMillis the spacing in session time, positive
 * @param maxChanges the number of page-changing events after which a keyframe is written
 * sooner, positive
 */
public record KeyframePolicy(long intervalMillis, int maxChanges) {

	/**
	 * Every 30 s, or every 5,000 page-changing events when a page changes faster:
	 * applying 5,000 events in the browser takes well under the one second that a seek
	 * may take.
	 */
	public static final KeyframePolicy DEFAULT = new KeyframePolicy(30_000, 5_000);

	public KeyframePolicy {
		if (intervalMillis <= 0 || maxChanges <= 0) {
			throw new IllegalArgumentException("'intervalMillis' and 'maxChanges' must be positive");
		}
	}

}
