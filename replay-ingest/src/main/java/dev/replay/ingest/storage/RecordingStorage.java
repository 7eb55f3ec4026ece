package dev.replay.ingest.storage;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

import org.springframework.modulith.NamedInterface;

/**
 * The one way recorded bytes (segments, keyframes, images) are stored and read back: in
 * their rows ({@code replay.storage.kind = postgres}) or packed into objects of an
 * S3-compatible store ({@code s3}). A writer stores its parts first, then writes its rows
 * with the {@link StoredPart}s it got back (registering the object with
 * {@link StoredObjects} in the same transaction); a reader hands the rows' parts back and
 * gets their bytes.
 */
@NamedInterface("api")
public interface RecordingStorage {

	/**
	 * Where this storage keeps bytes.
	 * @return the kind
	 */
	StorageKind kind();

	/**
	 * Store parts together: each stays with its row, or all go into one new object, back
	 * to back, which is uploaded when this returns.
	 * @param kind what the parts are
	 * @param parts the bytes of each part
	 * @return where each part is, in the same order
	 * @throws StorageUnavailableException if the object store fails or is too slow
	 */
	List<StoredPart> store(ObjectKind kind, List<byte[]> parts);

	/**
	 * Read the bytes of items' parts in their order: parts in an object are fetched a few
	 * ahead of the caller, and parts that follow each other in one object are fetched in
	 * one ranged read.
	 * @param <T> the type of the items
	 * @param items the items
	 * @param part the stored part of an item
	 * @return each item with its bytes, as the caller asks for them
	 * @throws StorageUnavailableException if the object store fails
	 * @throws StorageCorruptedException if bytes do not match their checksum
	 */
	<T> Iterator<Loaded<T>> read(Iterator<T> items, Function<T, StoredPart> part);

	/**
	 * Read the bytes of one part.
	 * @param part the part
	 * @return its bytes
	 */
	default byte[] read(StoredPart part) {
		return read(List.of(part).iterator(), Function.identity()).next().bytes();
	}

}
