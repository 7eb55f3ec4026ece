package dev.replay.ingest.erasure;

import org.springframework.modulith.NamedInterface;

/**
 * Where an erasure is.
 */
@NamedInterface("api")
public enum ErasureStatus {

	/** Requested; no batch has run yet. */
	QUEUED,

	/** At least one batch ran and sessions may be left. */
	RUNNING,

	/** No session of the person is left; the person's id or email is forgotten. */
	COMPLETED;

	static ErasureStatus of(String code) {
		return valueOf(code.toUpperCase(java.util.Locale.ROOT));
	}

	String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
