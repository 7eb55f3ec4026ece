package dev.replay.ingest.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * The {@code stored_object} rows: each object the rows of a transaction point into is
 * registered in that transaction, so that an object is either referenced or, once older
 * than the grace period, deleted by the sweep.
 */
@Repository
@NamedInterface("api")
public class StoredObjects {

	private static final String INSERT = "insert into stored_object (key, kind, size) values (?, ?, ?) returning id";

	private final JdbcClient jdbc;

	StoredObjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Register the objects that parts are in, in the caller's transaction.
	 * @param kind what the objects hold
	 * @param parts the parts; those held by their rows register nothing
	 * @return the id of each object, by key
	 */
	public Map<String, Long> register(ObjectKind kind, List<StoredPart> parts) {
		Map<String, Long> ids = new HashMap<>();
		for (Map.Entry<String, Long> object : sizes(parts).entrySet()) {
			ids.put(object.getKey(),
					this.jdbc.sql(INSERT)
						.params(object.getKey(), kind.code(), object.getValue())
						.query(Long.class)
						.single());
		}
		return ids;
	}

	/**
	 * Register the objects that parts are in, on a connection whose transaction the
	 * caller runs.
	 * @param connection the connection
	 * @param kind what the objects hold
	 * @param parts the parts; those held by their rows register nothing
	 * @return the id of each object, by key
	 * @throws SQLException if the insert fails
	 */
	public static Map<String, Long> register(Connection connection, ObjectKind kind, List<StoredPart> parts)
			throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		for (Map.Entry<String, Long> object : sizes(parts).entrySet()) {
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				insert.setString(1, object.getKey());
				insert.setString(2, kind.code());
				insert.setLong(3, object.getValue());
				try (ResultSet row = insert.executeQuery()) {
					row.next();
					ids.put(object.getKey(), row.getLong(1));
				}
			}
		}
		return ids;
	}

	// the size of each object: where its last part ends
	private static Map<String, Long> sizes(List<StoredPart> parts) {
		Map<String, Long> sizes = new HashMap<>();
		for (StoredPart part : parts) {
			if (part.objectKey() != null) {
				sizes.merge(part.objectKey(), part.offset() + part.length(), Math::max);
			}
		}
		return sizes;
	}

}
