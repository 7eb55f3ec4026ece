package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * Parts of one kind (keyframes, images) that an installation stored in PostgreSQL rows
 * before it switched to the object store, and that are moved there a few at a time while
 * the intake is not busy. The package that owns their table implements it; segments are
 * moved by compaction instead.
 */
@NamedInterface("api")
public interface RowParts {

	/**
	 * What the parts are, for the log and the progress report.
	 * @return for example {@code keyframes}
	 */
	String kind();

	/**
	 * How many parts are still in their rows.
	 * @return their number and bytes
	 */
	Remaining remaining();

	/**
	 * Move some parts into the object store, each group in a transaction of its own: the
	 * rows point into the new object once it is uploaded, and an upload whose transaction
	 * failed is left to the sweep.
	 * @param limit about how many parts to move
	 * @return how many were moved; 0 when none is left
	 */
	int move(int limit);

	/**
	 * What is left in rows.
	 *
	 * @param parts how many parts
	 * @param bytes their bytes
	 */
	record Remaining(long parts, long bytes) {

	}

}
