package dev.replay.api.playback;

/**
 * Where a session was played back.
 */
public enum PlaybackContext {

	/** The player page. */
	player,

	/** The embedded player in another page. */
	embed

}
