package dev.replay.ingest.storage;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * Packs the parts stored together into one object of the object store, and reads parts
 * back with ranged reads that run ahead of the caller ({@link RangeReader}).
 */
final class ObjectStorage implements RecordingStorage, AutoCloseable {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

	private final ObjectStore store;

	private final ExecutorService readers;

	ObjectStorage(ObjectStore store, ExecutorService readers) {
		this.store = store;
		this.readers = readers;
	}

	@Override
	public StorageKind kind() {
		return StorageKind.S3;
	}

	@Override
	public List<StoredPart> store(ObjectKind kind, List<byte[]> parts) {
		String key = newKey(kind);
		ByteArrayOutputStream object = new ByteArrayOutputStream(parts.stream().mapToInt((part) -> part.length).sum());
		List<StoredPart> stored = new ArrayList<>(parts.size());
		for (byte[] part : parts) {
			stored.add(StoredPart.inObject(key, object.size(), part.length, checksum(part)));
			object.writeBytes(part);
		}
		this.store.put(key, object.toByteArray());
		return stored;
	}

	@Override
	public <T> Iterator<Loaded<T>> read(Iterator<T> items, Function<T, StoredPart> part) {
		return new RangeReader<>(items, part, this::fetch, this.readers);
	}

	@Override
	public void close() {
		this.readers.shutdownNow();
		this.store.close();
	}

	ObjectStore objectStore() {
		return this.store;
	}

	// one ranged read of consecutive parts of an object, checked against their checksums
	private List<byte[]> fetch(List<StoredPart> parts) {
		StoredPart first = parts.get(0);
		int length = parts.stream().mapToInt(StoredPart::length).sum();
		byte[] range = this.store.read(first.objectKey(), first.offset(), length);
		List<byte[]> split = new ArrayList<>(parts.size());
		int at = 0;
		for (StoredPart part : parts) {
			byte[] bytes = new byte[part.length()];
			System.arraycopy(range, at, bytes, 0, bytes.length);
			at += bytes.length;
			if (checksum(bytes) != part.checksum()) {
				throw new StorageCorruptedException(
						"The bytes of " + part.objectKey() + " from " + part.offset() + " do not match their checksum");
			}
			split.add(bytes);
		}
		return split;
	}

	/**
	 * A new key for an object of a kind: its kind, the day and a random id, so that keys
	 * never collide between instances and a listing by day is cheap.
	 * @param kind the kind
	 * @return the key
	 */
	static String newKey(ObjectKind kind) {
		return kind.prefix() + "/" + LocalDate.now(ZoneOffset.UTC).format(DAY) + "/" + UUID.randomUUID();
	}

	static int checksum(byte[] bytes) {
		CRC32C crc = new CRC32C();
		crc.update(bytes);
		return (int) crc.getValue();
	}

}
