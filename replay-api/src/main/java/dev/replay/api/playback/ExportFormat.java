package dev.replay.api.playback;

/**
 * What a session is exported as.
 */
enum ExportFormat {

	/** One HTML file that plays the session offline: events, captured assets, player. */
	html,

	/** The session's rrweb events as one JSON array. */
	rrweb

}
