package dev.replay.ingest.storage;

import org.springframework.modulith.NamedInterface;

/**
 * Where recorded bytes are stored.
 */
@NamedInterface("api")
public enum StorageKind {

	/** In the rows of PostgreSQL, next to their metadata: nothing else to run. */
	POSTGRES,

	/** In objects of an S3-compatible store; PostgreSQL keeps where each part is. */
	S3

}
