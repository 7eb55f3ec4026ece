package dev.replay.ingest.asset;

import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.PartsTable;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.RowsOfOneObjectEach;
import dev.replay.ingest.storage.StoredObjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the captured assets stored in PostgreSQL rows into the object store, each into an
 * object of its own as newly captured ones are, one transaction per asset.
 */
@Component
class AssetsInRows extends RowsOfOneObjectEach {

	AssetsInRows(JdbcClient jdbc, TransactionTemplate transaction, RecordingStorage storage, StoredObjects objects) {
		super(jdbc, transaction, storage, objects,
				new PartsTable("assets", "asset_content", "sha256", ObjectKind.ASSET));
	}

}
