package dev.replay.ingest.storage;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps each part in its own row: storing costs nothing, and reading hands back the bytes
 * the row held.
 */
final class RowStorage implements RecordingStorage {

	@Override
	public StorageKind kind() {
		return StorageKind.POSTGRES;
	}

	@Override
	public List<StoredPart> store(ObjectKind kind, List<byte[]> parts) {
		return parts.stream().map(StoredPart::inRow).toList();
	}

	@Override
	public <T> Iterator<Loaded<T>> read(Iterator<T> items, Function<T, StoredPart> part) {
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return items.hasNext();
			}

			@Override
			public Loaded<T> next() {
				T item = items.next();
				byte[] inline = part.apply(item).inline();
				if (inline == null) {
					throw new IllegalStateException("A part is stored in the object store, but replay.storage.kind "
							+ "is postgres: set it back to s3 to read it");
				}
				return new Loaded<>(item, inline);
			}

		};
	}

}
