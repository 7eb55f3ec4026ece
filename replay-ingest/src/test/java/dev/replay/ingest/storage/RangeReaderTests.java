package dev.replay.ingest.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link RangeReader} fetches: adjacent parts of one object in one read, in the
 * caller's order, rows' own bytes passed through, failures handed to the caller.
 */
class RangeReaderTests {

	final ExecutorService executor = Executors.newFixedThreadPool(4);

	final List<List<StoredPart>> reads = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void stop() {
		this.executor.shutdownNow();
	}

	@Test
	void readsAdjacentPartsOfAnObjectInOneRangedRead() {
		List<StoredPart> parts = List.of(part("a", 0, 3), part("a", 3, 2), part("a", 5, 4), part("b", 0, 1));
		List<String> read = readAll(parts);
		assertThat(read).containsExactly("a@0+3", "a@3+2", "a@5+4", "b@0+1");
		assertThat(this.reads).hasSize(2);
		assertThat(this.reads).anySatisfy((range) -> assertThat(range).hasSize(3));
	}

	@Test
	void readsPartsThatDoNotFollowEachOtherSeparately() {
		List<StoredPart> parts = List.of(part("a", 0, 3), part("a", 10, 2), part("a", 3, 2));
		assertThat(readAll(parts)).containsExactly("a@0+3", "a@10+2", "a@3+2");
		assertThat(this.reads).hasSize(3);
	}

	@Test
	void keepsTheOrderOfManyPartsBeyondTheWindow() {
		List<StoredPart> parts = new ArrayList<>();
		List<String> expected = new ArrayList<>();
		for (int i = 0; i < RangeReader.WINDOW * 5; i++) {
			// every seventh part starts a new object
			String key = "o" + (i / 7);
			parts.add(part(key, (i % 7) * 10L, 10));
			expected.add(key + "@" + (i % 7) * 10 + "+10");
		}
		assertThat(readAll(parts)).containsExactlyElementsOf(expected);
		assertThat(this.reads.size()).isLessThan(parts.size() / 2);
	}

	@Test
	void passesTheBytesOfRowsThrough() {
		List<StoredPart> parts = List.of(StoredPart.inRow(new byte[] { 'x' }), part("a", 0, 1));
		assertThat(readAll(parts)).containsExactly("x", "a@0+1");
		assertThat(this.reads).hasSize(1);
	}

	@Test
	void aFailedReadFailsTheCallerWithItsOwnException() {
		Iterator<Loaded<StoredPart>> reader = new RangeReader<>(List.of(part("a", 0, 1)).iterator(),
				Function.identity(), (range) -> {
					throw new StorageUnavailableException("down", new RuntimeException());
				}, this.executor);
		assertThatExceptionOfType(StorageUnavailableException.class).isThrownBy(reader::next);
	}

	private List<String> readAll(List<StoredPart> parts) {
		Iterator<Loaded<StoredPart>> reader = new RangeReader<>(parts.iterator(), Function.identity(), this::fetch,
				this.executor);
		List<String> read = new ArrayList<>();
		while (reader.hasNext()) {
			read.add(new String(reader.next().bytes()));
		}
		return read;
	}

	// answers each part with its key, offset and length as text
	private List<byte[]> fetch(List<StoredPart> range) {
		this.reads.add(range);
		return range.stream()
			.map((part) -> (part.objectKey() + "@" + part.offset() + "+" + part.length()).getBytes())
			.toList();
	}

	private static StoredPart part(String key, long offset, int length) {
		return StoredPart.inObject(key, offset, length, 0);
	}

}
