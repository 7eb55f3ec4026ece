package dev.replay.ingest.storage;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.springframework.modulith.NamedInterface;

/**
 * Reads where a part's bytes are from the columns of a row: its bytes, or the key of its
 * object (joined from {@code stored_object}) with the offset, length and checksum.
 */
@NamedInterface("api")
public final class StoredParts {

	private StoredParts() {
	}

	/**
	 * The part of the current row.
	 * @param rs the row
	 * @param bytes the column of the bytes held by the row
	 * @param key the column of the object's key
	 * @param offset the column of the offset, or {@code null} when a part fills its
	 * object
	 * @param length the column of the length, or {@code null} when a part fills its
	 * object
	 * @param checksum the column of the checksum
	 * @return the part
	 * @throws SQLException if a column cannot be read
	 */
	public static StoredPart of(ResultSet rs, String bytes, String key, String offset, String length, String checksum)
			throws SQLException {
		byte[] inline = rs.getBytes(bytes);
		if (inline != null) {
			return StoredPart.inRow(inline);
		}
		String objectKey = rs.getString(key);
		if (objectKey == null) {
			throw new IllegalStateException("A row holds neither its bytes nor the object they are in");
		}
		return StoredPart.inObject(objectKey, rs.getLong(offset), rs.getInt(length), rs.getInt(checksum));
	}

}
