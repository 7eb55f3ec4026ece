package dev.replay.ingest.resource;

import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.PartsTable;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.RowsOfOneObjectEach;
import dev.replay.ingest.storage.StoredObjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the images stored in PostgreSQL rows into the object store, each into an object
 * of its own as new images are stored, one transaction per image.
 */
@Component
class ResourcesInRows extends RowsOfOneObjectEach {

	ResourcesInRows(JdbcClient jdbc, TransactionTemplate transaction, RecordingStorage storage, StoredObjects objects) {
		super(jdbc, transaction, storage, objects,
				new PartsTable("images", "replay_resource", "id", ObjectKind.RESOURCE));
	}

}
