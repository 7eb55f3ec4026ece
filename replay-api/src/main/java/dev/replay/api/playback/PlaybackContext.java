package dev.replay.api.playback;

import org.springframework.modulith.NamedInterface;

/**
 * Where a session was played back.
 */
@NamedInterface("api")
public enum PlaybackContext {

	/** The player page. */
	player,

	/** The embedded player in another page. */
	embed

}
