package dev.replay.ingest.load;

import java.net.URI;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.replay.ingest.testsupport.TestObjectStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * For the verification of acknowledged segments when Replay stores bytes in an object
 * store: reads each acknowledged session's segments that are in objects with ranged reads
 * (settings {@code load.s3-endpoint}, {@code load.s3-bucket}, {@code load.s3-access-key},
 * {@code load.s3-secret-key}) and puts their MD5s in a temporary table
 * {@code load_object_md5 (session_id, md5)}; without an endpoint the table stays empty.
 */
final class ObjectDigests {

	private ObjectDigests() {
	}

	static void addStoredInObjects(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table load_object_md5 (session_id text, md5 text)");
		}
		String endpoint = System.getProperty("load.s3-endpoint", "");
		if (endpoint.isBlank()) {
			return;
		}
		try (S3Client client = TestObjectStore.client(URI.create(endpoint),
				System.getProperty("load.s3-access-key", ""), System.getProperty("load.s3-secret-key", ""));
				PreparedStatement select = connection.prepareStatement("""
						select r.id, s.session_number, s.dedup_hash
						from segment s join replay_session r on r.number = s.session_number
						where r.id in (select session_id from load_acked)""");
				PreparedStatement insert = connection
					.prepareStatement("insert into load_object_md5 (session_id, md5) values (?, ?)")) {
			String bucket = System.getProperty("load.s3-bucket", "replay");
			List<StoredSegment> segments = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					segments.add(new StoredSegment(rows.getString(1), rows.getLong(2), rows.getLong(3)));
				}
			}
			for (StoredSegment segment : segments) {
				byte[] bytes = read(connection, client, bucket, segment);
				insert.setString(1, segment.sessionId());
				insert.setString(2, HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes)));
				insert.addBatch();
			}
			insert.executeBatch();
		}
	}

	// the segment's bytes where its row says they are now: compaction may move them, and
	// the sweep delete the object they were in, between two reads
	private static byte[] read(Connection connection, S3Client client, String bucket, StoredSegment segment)
			throws SQLException {
		for (int attempt = 1;; attempt++) {
			try (PreparedStatement where = connection.prepareStatement("""
					select s.body, o.key, s.object_offset, s.object_length
					from segment s left join stored_object o on o.id = s.object_id
					where s.session_number = ? and s.dedup_hash = ?""")) {
				where.setLong(1, segment.sessionNumber());
				where.setLong(2, segment.dedupHash());
				try (ResultSet row = where.executeQuery()) {
					row.next();
					byte[] inRow = row.getBytes(1);
					if (inRow != null) {
						return inRow;
					}
					String key = row.getString(2);
					long offset = row.getLong(3);
					int length = row.getInt(4);
					try {
						return client
							.getObjectAsBytes((get) -> get.bucket(bucket)
								.key(key)
								.range("bytes=" + offset + "-" + (offset + length - 1)))
							.asByteArray();
					}
					catch (NoSuchKeyException ex) {
						if (attempt == 3) {
							throw ex;
						}
					}
				}
			}
		}
	}

	private record StoredSegment(String sessionId, long sessionNumber, long dedupHash) {

	}

}
