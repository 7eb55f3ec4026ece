package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * The object store returned bytes whose checksum is not the one recorded when they were
 * stored.
 */
@NamedInterface("api")
public class StorageCorruptedException extends RuntimeException {

	StorageCorruptedException(String message) {
		super(message);
	}

}
