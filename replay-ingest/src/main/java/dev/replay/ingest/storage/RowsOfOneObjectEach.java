package dev.replay.ingest.storage;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parts of an application that each go into an object of their own (images, captured
 * assets), moved from their rows one transaction each. The package that owns the table
 * names it: a table keyed by {@code (application_id, <key>)} whose bytes are in
 * {@code body} and, once moved, in {@code object_id} with a {@code checksum}.
 */
@NamedInterface("api")
public abstract class RowsOfOneObjectEach implements RowParts {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final RecordingStorage storage;

	private final StoredObjects objects;

	private final Table table;

	protected RowsOfOneObjectEach(JdbcClient jdbc, TransactionTemplate transaction, RecordingStorage storage,
			StoredObjects objects, Table table) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.storage = storage;
		this.objects = objects;
		this.table = table;
	}

	@Override
	public String kind() {
		return this.table.kind();
	}

	@Override
	public Remaining remaining() {
		return this.jdbc
			.sql("select count(*), coalesce(sum(size), 0) from " + this.table.name() + " where body is not null")
			.query((rs, row) -> new Remaining(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	@Override
	public int move(int limit) {
		if (this.storage.kind() != StorageKind.S3) {
			return 0;
		}
		List<Key> keys = this.jdbc
			.sql("select application_id, " + this.table.key() + " from " + this.table.name()
					+ " where body is not null limit ?")
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

	// locked, so that a row deleted or moved meanwhile is left alone
	private boolean moveOne(Key key) {
		String where = " where application_id = ? and " + this.table.key() + " = ?";
		List<byte[]> body = this.jdbc
			.sql("select body from " + this.table.name() + where + " and body is not null for update skip locked")
			.params(key.applicationId(), key.id())
			.query((rs, row) -> rs.getBytes(1))
			.list();
		if (body.isEmpty()) {
			return false;
		}
		StoredPart part = this.storage.store(this.table.objectKind(), body).get(0);
		Long objectId = this.objects.register(this.table.objectKind(), List.of(part)).get(part.objectKey());
		this.jdbc.sql("update " + this.table.name() + " set body = null, object_id = ?, checksum = ?" + where)
			.params(objectId, part.checksum(), key.applicationId(), key.id())
			.update();
		return true;
	}

	/**
	 * The table whose rows are moved.
	 *
	 * @param kind what its parts are, for the log and the progress report
	 * @param name the table
	 * @param key the column that, with {@code application_id}, identifies a row
	 * @param objectKind what the objects hold
	 */
	public record Table(String kind, String name, String key, ObjectKind objectKind) {

	}

	private record Key(UUID applicationId, String id) {

	}

}
