package dev.replay.ingest.segment;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.replay.ingest.storage.Loaded;
import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredObjects;
import dev.replay.ingest.storage.StoredPart;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rewrites the segments of a quiet session into one object of its own, wherever they were
 * (batch objects of the group commit, or their rows when the installation stored its
 * bytes in PostgreSQL before): playback then reads one object, and deleting the session
 * frees whole objects. The batch objects that no segment points to any more are deleted
 * by the sweep.
 */
@Component
@NamedInterface("api")
public class SessionCompaction {

	// the most bytes of one session object
	private static final long OBJECT_BYTES = 16L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final RecordingStorage storage;

	private final StoredObjects objects;

	private final TransactionTemplate transaction;

	SessionCompaction(JdbcClient jdbc, RecordingStorage storage, StoredObjects objects,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.objects = objects;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/**
	 * Sessions that were indexed, have had no new segment for a while and whose segments
	 * were not rewritten since they changed.
	 * @param quietFor how long, in seconds, without a new segment
	 * @param limit the most sessions to return
	 * @return their ids, least recently changed first
	 */
	List<String> findUncompacted(double quietFor, int limit) {
		return this.jdbc.sql("""
				select id from replay_session
				where compacted_version is distinct from updated_at and indexed_version = updated_at
				  and updated_at < now() - make_interval(secs => :quiet)
				order by updated_at
				limit :limit""").param("quiet", quietFor).param("limit", limit).query(String.class).list();
	}

	/**
	 * How many sessions wait for compaction.
	 * @return the count
	 */
	long countUncompacted() {
		return this.jdbc.sql("select count(*) from replay_session where compacted_version is distinct from updated_at")
			.query(Long.class)
			.single();
	}

	/**
	 * Where the recorded bytes of segments are: how many sessions wait for compaction,
	 * and how many segments, and bytes, are still in their rows or in objects.
	 * @return the figures
	 */
	public StorageProgress progress() {
		return this.jdbc.sql("""
				select (select count(*) from replay_session where compacted_version is distinct from updated_at),
				       count(*) filter (where body is not null), coalesce(sum(length(body)), 0),
				       count(*) filter (where object_id is not null), coalesce(sum(object_length), 0),
				       (select count(*) from stored_object)
				from segment""")
			.query((rs, row) -> new StorageProgress(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.single();
	}

	/**
	 * Rewrite a session's segments into one object, unless another instance is at it.
	 * @param sessionId the session
	 * @return how many bytes were rewritten, or -1 if the session was left alone
	 */
	public long compact(String sessionId) {
		Long bytes = this.transaction.execute((status) -> {
			boolean locked = this.jdbc
				.sql("select pg_try_advisory_xact_lock(hashtextextended('replay.compaction:' || ?, 0))")
				.param(sessionId)
				.query(Boolean.class)
				.single();
			Optional<Timestamp> version = this.jdbc.sql(
					"select updated_at from replay_session where id = ? and compacted_version is distinct from updated_at")
				.param(sessionId)
				.query(Timestamp.class)
				.optional();
			if (!locked || version.isEmpty()) {
				return -1L;
			}
			// the rows without their bytes: those in rows are read one by one as the
			// rewrite reaches them, so that memory holds at most one object's worth
			List<Row> rows = this.jdbc.sql("""
					select s.session_number, s.dedup_hash, s.body is not null as in_row, s.object_id, o.key, o.kind,
					       s.object_offset, s.object_length, s.checksum
					from replay_session r
					join segment s on s.session_number = r.number
					left join stored_object o on o.id = s.object_id
					where r.id = ? order by s.first_event_at, s.sequence, s.dedup_hash""")
				.param(sessionId)
				.query((rs, row) -> new Row(rs.getLong("session_number"), rs.getLong("dedup_hash"),
						rs.getObject("object_id", Long.class), rs.getString("kind"),
						rs.getBoolean("in_row") ? null
								: StoredPart.inObject(rs.getString("key"), rs.getLong("object_offset"),
										rs.getInt("object_length"), rs.getInt("checksum"))))
				.list();
			long rewritten = alreadyCompact(rows) ? 0 : rewrite(rows);
			if (rewritten > 0) {
				release(rows);
			}
			this.jdbc.sql("update replay_session set compacted_version = ? where id = ?")
				.params(version.get(), sessionId)
				.update();
			return rewritten;
		});
		return (bytes != null) ? bytes : -1;
	}

	// the objects the session's segments were in before, which other readers may still be
	// reading: the sweep waits the grace period from now
	private void release(List<Row> rows) {
		Long[] objectIds = rows.stream().map(Row::objectId).filter(Objects::nonNull).distinct().toArray(Long[]::new);
		if (objectIds.length > 0) {
			this.jdbc.sql("update stored_object set released_at = now() where id = any(?)").param(objectIds).update();
		}
	}

	private static boolean alreadyCompact(List<Row> rows) {
		return rows.stream().allMatch((row) -> ObjectKind.SESSION.code().equals(row.objectKind()))
				&& rows.stream().map(Row::objectId).distinct().count() <= 1;
	}

	// the segments in objects of about OBJECT_BYTES each (one, for all but the longest
	// sessions), so that memory holds one object at a time
	private long rewrite(List<Row> rows) {
		long total = 0;
		List<Row> chunk = new ArrayList<>();
		List<byte[]> bytes = new ArrayList<>();
		long chunkBytes = 0;
		Iterator<Loaded<Row>> read = this.storage.read(rows.iterator(), this::partOf);
		while (read.hasNext()) {
			Loaded<Row> next = read.next();
			chunk.add(next.item());
			bytes.add(next.bytes());
			chunkBytes += next.bytes().length;
			if (chunkBytes >= OBJECT_BYTES || !read.hasNext()) {
				total += store(chunk, bytes);
				chunk.clear();
				bytes.clear();
				chunkBytes = 0;
			}
		}
		return total;
	}

	private long store(List<Row> rows, List<byte[]> bytes) {
		List<StoredPart> parts = this.storage.store(ObjectKind.SESSION, bytes);
		Map<String, Long> objectIds = this.objects.register(ObjectKind.SESSION, parts);
		long total = 0;
		for (int i = 0; i < rows.size(); i++) {
			StoredPart part = parts.get(i);
			boolean inRow = part.isInRow();
			this.jdbc.sql("""
					update segment set body = ?, object_id = ?, object_offset = ?, object_length = ?, checksum = ?
					where session_number = ? and dedup_hash = ?""")
				.params(part.inline(), inRow ? null : objectIds.get(part.objectKey()), inRow ? null : part.offset(),
						inRow ? null : part.length(), inRow ? null : part.checksum(), rows.get(i).sessionNumber(),
						rows.get(i).dedupHash())
				.update();
			total += part.length();
		}
		return total;
	}

	private StoredPart partOf(Row row) {
		StoredPart part = row.part();
		if (part != null) {
			return part;
		}
		return StoredPart.inRow(this.jdbc.sql("select body from segment where session_number = ? and dedup_hash = ?")
			.params(row.sessionNumber(), row.dedupHash())
			.query((rs, n) -> rs.getBytes(1))
			.single());
	}

	private record Row(long sessionNumber, long dedupHash, @Nullable Long objectId, @Nullable String objectKind,
			@Nullable StoredPart part) {

	}

}
