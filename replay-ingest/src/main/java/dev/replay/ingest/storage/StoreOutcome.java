package dev.replay.ingest.storage;

/**
 * What happened to a segment handed to {@link SegmentStore}.
 */
public enum StoreOutcome {

	/** The segment is new and now stored. */
	STORED,

	/** An equal segment was stored before; nothing changed. */
	DUPLICATE,

	/** The session belongs to another application; nothing changed. */
	SESSION_CONFLICT

}
