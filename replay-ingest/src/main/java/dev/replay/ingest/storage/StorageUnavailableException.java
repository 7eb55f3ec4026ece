package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * The object store did not answer, or not in time: nothing that depended on it was
 * acknowledged, and the caller may try again later.
 */
@NamedInterface("api")
public class StorageUnavailableException extends RuntimeException {

	StorageUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
