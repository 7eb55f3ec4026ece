package dev.replay.ingest.storage;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * Where the bytes of one stored part (a segment, a keyframe, an image) are: in its own
 * row ({@link #inline()}), or in an object of the object store, from an offset.
 *
 * @param inline the bytes, when the row holds them
 * @param objectKey the object, when it holds them
 * @param offset where they start in the object
 * @param length how many they are
 * @param checksum the CRC-32C of the bytes, for parts in an object
 */
@NamedInterface("api")
public record StoredPart(byte @Nullable [] inline, @Nullable String objectKey, long offset, int length, int checksum) {

	/**
	 * A part whose row holds its bytes.
	 * @param bytes the bytes
	 * @return the part
	 */
	public static StoredPart inRow(byte[] bytes) {
		return new StoredPart(bytes, null, 0, bytes.length, 0);
	}

	/**
	 * A part in an object.
	 * @param objectKey the object
	 * @param offset where its bytes start
	 * @param length how many they are
	 * @param checksum their CRC-32C
	 * @return the part
	 */
	public static StoredPart inObject(String objectKey, long offset, int length, int checksum) {
		return new StoredPart(null, objectKey, offset, length, checksum);
	}

	/**
	 * Whether the bytes are in the part's row.
	 * @return whether they are
	 */
	public boolean isInRow() {
		return this.inline != null;
	}

	/**
	 * Whether another part's bytes follow this one's in the same object.
	 * @param next the other part
	 * @return whether one ranged read can fetch both
	 */
	boolean isFollowedBy(StoredPart next) {
		return this.objectKey != null && this.objectKey.equals(next.objectKey)
				&& this.offset + this.length == next.offset;
	}

}
