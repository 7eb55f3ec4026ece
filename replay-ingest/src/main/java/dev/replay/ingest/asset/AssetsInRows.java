package dev.replay.ingest.asset;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.RowParts;
import dev.replay.ingest.storage.StorageKind;
import dev.replay.ingest.storage.StoredObjects;
import dev.replay.ingest.storage.StoredPart;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the images stored in PostgreSQL rows into the object store, each into an object
 * of its own as new images are stored, one transaction per image.
 */
@Component
class AssetsInRows implements RowParts {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final RecordingStorage storage;

	private final StoredObjects objects;

	AssetsInRows(JdbcClient jdbc, TransactionTemplate transaction, RecordingStorage storage, StoredObjects objects) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.storage = storage;
		this.objects = objects;
	}

	@Override
	public String kind() {
		return "assets";
	}

	@Override
	public Remaining remaining() {
		return this.jdbc.sql("select count(*), coalesce(sum(size), 0) from asset_content where body is not null")
			.query((rs, row) -> new Remaining(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	@Override
	public int move(int limit) {
		if (this.storage.kind() != StorageKind.S3) {
			return 0;
		}
		List<Key> keys = this.jdbc
			.sql("select application_id, sha256 from asset_content where body is not null limit ?")
			.param(limit)
			.query((rs, row) -> new Key(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
		int moved = 0;
		for (Key key : keys) {
			if (Boolean.TRUE.equals(this.transaction.execute((status) -> moveOne(key)))) {
				moved++;
			}
		}
		return moved;
	}

	// locked, so that an asset deleted or moved meanwhile is left alone
	private boolean moveOne(Key key) {
		List<byte[]> body = this.jdbc.sql("""
				select body from asset_content where application_id = ? and sha256 = ? and body is not null
				for update skip locked""")
			.params(key.applicationId(), key.sha256())
			.query((rs, row) -> rs.getBytes(1))
			.list();
		if (body.isEmpty()) {
			return false;
		}
		StoredPart part = this.storage.store(ObjectKind.ASSET, body).get(0);
		Long objectId = this.objects.register(ObjectKind.ASSET, List.of(part)).get(part.objectKey());
		this.jdbc.sql("""
				update asset_content set body = null, object_id = ?, checksum = ?
				where application_id = ? and sha256 = ?""")
			.params(objectId, part.checksum(), key.applicationId(), key.sha256())
			.update();
		return true;
	}

	private record Key(UUID applicationId, String sha256) {

	}

}
