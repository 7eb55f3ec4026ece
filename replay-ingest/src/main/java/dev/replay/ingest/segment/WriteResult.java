package dev.replay.ingest.segment;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * What happened to a {@link SegmentWrite}.
 *
 * @param status the outcome of the write as a whole
 * @param stored how many of its segments were new and are now stored
 * @param duplicates how many were stored before
 * @param conflictingSessionId the session that belongs to another application, for
 * {@link Status#SESSION_CONFLICT}, or that was deleted, for {@link Status#SESSION_GONE}
 */
@NamedInterface("api")
public record WriteResult(Status status, int stored, int duplicates, @Nullable String conflictingSessionId) {

	static WriteResult written(int stored, int duplicates) {
		return new WriteResult(Status.WRITTEN, stored, duplicates, null);
	}

	static WriteResult requestSeen(int segments) {
		return new WriteResult(Status.REQUEST_SEEN, 0, segments, null);
	}

	static WriteResult sessionConflict(String sessionId) {
		return new WriteResult(Status.SESSION_CONFLICT, 0, 0, sessionId);
	}

	static WriteResult sessionGone(String sessionId) {
		return new WriteResult(Status.SESSION_GONE, 0, 0, sessionId);
	}

	/**
	 * The outcome of a write as a whole.
	 */
	public enum Status {

		/** Every segment is stored, now or before. */
		WRITTEN,

		/** The request id was seen before; nothing changed. */
		REQUEST_SEEN,

		/** A session belongs to another application; nothing changed. */
		SESSION_CONFLICT,

		/** A session was deleted or erased and stays so; nothing changed. */
		SESSION_GONE

	}

}
