package dev.replay.ingest.storage;

import java.util.ArrayList;
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

	private final PartsTable table;

	protected RowsOfOneObjectEach(JdbcClient jdbc, TransactionTemplate transaction, RecordingStorage storage,
			StoredObjects objects, PartsTable table) {
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
		List<UUID> applications = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		this.jdbc
			.sql("select application_id, " + this.table.key() + " from " + this.table.name()
					+ " where body is not null limit ?")
			.param(limit)
			.query((rs) -> {
				applications.add(rs.getObject(1, UUID.class));
				ids.add(rs.getString(2));
			});
		int moved = 0;
		for (int i = 0; i < ids.size(); i++) {
			UUID applicationId = applications.get(i);
			String id = ids.get(i);
			if (Boolean.TRUE.equals(this.transaction.execute((status) -> moveOne(applicationId, id)))) {
				moved++;
			}
		}
		return moved;
	}

	// locked, so that a row deleted or moved meanwhile is left alone
	private boolean moveOne(UUID applicationId, String id) {
		String where = " where application_id = ? and " + this.table.key() + " = ?";
		List<byte[]> body = this.jdbc
			.sql("select body from " + this.table.name() + where + " and body is not null for update skip locked")
			.params(applicationId, id)
			.query((rs, row) -> rs.getBytes(1))
			.list();
		if (body.isEmpty()) {
			return false;
		}
		StoredPart part = this.storage.store(this.table.objectKind(), body).get(0);
		Long objectId = this.objects.register(this.table.objectKind(), List.of(part)).get(part.objectKey());
		this.jdbc.sql("update " + this.table.name() + " set body = null, object_id = ?, checksum = ?" + where)
			.params(objectId, part.checksum(), applicationId, id)
			.update();
		return true;
	}

}
