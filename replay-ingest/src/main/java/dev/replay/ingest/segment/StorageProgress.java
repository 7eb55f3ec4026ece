package dev.replay.ingest.segment;

import org.springframework.modulith.NamedInterface;

/**
 * Where the bytes of the stored segments are, for an operator following a move to the
 * object store.
 *
 * @param sessionsWaiting sessions whose segments were not rewritten into an object of
 * their own since they last changed
 * @param segmentsInRows segments whose bytes are in PostgreSQL
 * @param bytesInRows their bytes
 * @param segmentsInObjects segments whose bytes are in the object store
 * @param bytesInObjects their bytes
 * @param objects objects registered in the object store
 */
@NamedInterface("api")
public record StorageProgress(long sessionsWaiting, long segmentsInRows, long bytesInRows, long segmentsInObjects,
		long bytesInObjects, long objects) {

}
