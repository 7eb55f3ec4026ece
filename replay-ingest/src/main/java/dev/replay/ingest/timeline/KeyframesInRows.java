package dev.replay.ingest.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * Moves the keyframes stored in PostgreSQL rows into the object store, one session at a
 * time: its keyframes go into objects of up to 8 MB under the session's indexing lock, so
 * that an indexing of the same session never runs at once.
 */
@Component
class KeyframesInRows implements RowParts {

	private static final long OBJECT_BYTES = 8L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final RecordingStorage storage;

	private final StoredObjects objects;

	private final TimelineStore timelines;

	KeyframesInRows(JdbcClient jdbc, TransactionTemplate transaction, RecordingStorage storage, StoredObjects objects,
			TimelineStore timelines) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.storage = storage;
		this.objects = objects;
		this.timelines = timelines;
	}

	@Override
	public String kind() {
		return "keyframes";
	}

	@Override
	public Remaining remaining() {
		return this.jdbc.sql("select count(*), coalesce(sum(length(events)), 0) from keyframe where events is not null")
			.query((rs, row) -> new Remaining(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	@Override
	public int move(int limit) {
		if (this.storage.kind() != StorageKind.S3) {
			return 0;
		}
		List<String> sessions = this.jdbc
			.sql("select distinct session_id from keyframe where events is not null limit ?")
			.param(limit)
			.query(String.class)
			.list();
		int moved = 0;
		for (String sessionId : sessions) {
			Integer count = this.transaction.execute((status) -> moveSession(sessionId));
			moved += (count != null) ? count : 0;
		}
		return moved;
	}

	// the session's keyframes in rows, a chunk of up to OBJECT_BYTES at a time so that
	// memory holds one object
	private int moveSession(String sessionId) {
		if (!this.timelines.tryLock(sessionId)) {
			return 0;
		}
		List<Sized> keyframes = this.jdbc.sql("""
				select offset_ms, length(events) from keyframe where session_id = ? and events is not null
				order by offset_ms""")
			.param(sessionId)
			.query((rs, row) -> new Sized(rs.getLong(1), rs.getLong(2)))
			.list();
		List<Long> chunk = new ArrayList<>();
		long chunkBytes = 0;
		for (Sized keyframe : keyframes) {
			chunk.add(keyframe.offset());
			chunkBytes += keyframe.bytes();
			if (chunkBytes >= OBJECT_BYTES) {
				moveChunk(sessionId, chunk);
				chunk.clear();
				chunkBytes = 0;
			}
		}
		if (!chunk.isEmpty()) {
			moveChunk(sessionId, chunk);
		}
		return keyframes.size();
	}

	private void moveChunk(String sessionId, List<Long> offsets) {
		List<byte[]> events = new ArrayList<>(offsets.size());
		for (long offset : offsets) {
			events.add(this.jdbc.sql("select events from keyframe where session_id = ? and offset_ms = ?")
				.params(sessionId, offset)
				.query((rs, row) -> rs.getBytes(1))
				.single());
		}
		List<StoredPart> parts = this.storage.store(ObjectKind.KEYFRAME, events);
		Map<String, Long> objectIds = this.objects.register(ObjectKind.KEYFRAME, parts);
		for (int i = 0; i < offsets.size(); i++) {
			StoredPart part = parts.get(i);
			this.jdbc.sql("""
					update keyframe set events = null, object_id = ?, object_offset = ?, object_length = ?, checksum = ?
					where session_id = ? and offset_ms = ?""")
				.params(objectIds.get(part.objectKey()), part.offset(), part.length(), part.checksum(), sessionId,
						offsets.get(i))
				.update();
		}
	}

	private record Sized(long offset, long bytes) {

	}

}
