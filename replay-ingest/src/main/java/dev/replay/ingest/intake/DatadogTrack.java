package dev.replay.ingest.intake;

import java.util.Optional;

/**
 * The Datadog intake tracks Replay receives, with the paths the SDKs post them to.
 */
enum DatadogTrack {

	/** Session replay segments and image resources. */
	REPLAY("/api/v2/replay", "replay"),

	/** RUM events, newline-delimited JSON. */
	RUM("/api/v2/rum", "rum"),

	/** Browser log events, newline-delimited JSON. */
	LOGS("/api/v2/logs", "logs");

	private final String path;

	private final String code;

	DatadogTrack(String path, String code) {
		this.path = path;
		this.code = code;
	}

	String path() {
		return this.path;
	}

	String code() {
		return this.code;
	}

	static Optional<DatadogTrack> ofPath(String path) {
		for (DatadogTrack track : values()) {
			if (track.path.equals(path)) {
				return Optional.of(track);
			}
		}
		return Optional.empty();
	}

}
