package dev.replay.ingest.storage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads the parts of items in their order, a window of items ahead of the caller: parts
 * that follow each other in one object are fetched with one ranged read, up to a size,
 * and the reads of the window run side by side on an executor. Parts held by their rows
 * are passed through.
 *
 * @param <T> the type of the items
 */
final class RangeReader<T> implements Iterator<Loaded<T>> {

	// items read ahead of the caller, and the most bytes one ranged read fetches
	static final int WINDOW = 32;

	static final int MAX_RANGE_BYTES = 8 * 1024 * 1024;

	private final Iterator<T> items;

	private final Function<T, StoredPart> partOf;

	private final Function<List<StoredPart>, List<byte[]>> fetch;

	private final Executor executor;

	private final Deque<Pending<T>> window = new ArrayDeque<>();

	RangeReader(Iterator<T> items, Function<T, StoredPart> partOf, Function<List<StoredPart>, List<byte[]>> fetch,
			Executor executor) {
		this.items = items;
		this.partOf = partOf;
		this.fetch = fetch;
		this.executor = executor;
	}

	@Override
	public boolean hasNext() {
		return !this.window.isEmpty() || this.items.hasNext();
	}

	@Override
	public Loaded<T> next() {
		fill();
		Pending<T> head = this.window.pollFirst();
		if (head == null) {
			throw new NoSuchElementException();
		}
		try {
			return new Loaded<>(head.item, head.bytes.join());
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	// once half the window was taken, take items until it is full again, then start one
	// read per run of parts that follow each other
	private void fill() {
		if (this.window.size() > WINDOW / 2) {
			return;
		}
		List<Pending<T>> added = new ArrayList<>();
		while (this.window.size() < WINDOW && this.items.hasNext()) {
			T item = this.items.next();
			Pending<T> pending = new Pending<>(item, this.partOf.apply(item));
			this.window.addLast(pending);
			added.add(pending);
		}
		List<Pending<T>> run = new ArrayList<>();
		for (Pending<T> pending : added) {
			byte[] inline = pending.part.inline();
			if (inline != null) {
				pending.bytes.complete(inline);
				continue;
			}
			if (!run.isEmpty() && !continues(run, pending.part)) {
				start(run);
				run = new ArrayList<>();
			}
			run.add(pending);
		}
		if (!run.isEmpty()) {
			start(run);
		}
	}

	private static <T> boolean continues(List<Pending<T>> run, StoredPart part) {
		Pending<T> last = run.get(run.size() - 1);
		long bytes = part.offset() + part.length() - run.get(0).part.offset();
		return last.part.isFollowedBy(part) && bytes <= MAX_RANGE_BYTES;
	}

	private void start(List<Pending<T>> run) {
		List<StoredPart> parts = run.stream().map((pending) -> pending.part).toList();
		CompletableFuture.supplyAsync(() -> this.fetch.apply(parts), this.executor).whenComplete((bytes, failure) -> {
			for (int i = 0; i < run.size(); i++) {
				if (failure != null) {
					run.get(i).bytes.completeExceptionally(unwrap(failure));
				}
				else {
					run.get(i).bytes.complete(bytes.get(i));
				}
			}
		});
	}

	private static Throwable unwrap(Throwable failure) {
		@Nullable Throwable cause = failure.getCause();
		return (failure instanceof CompletionException && cause != null) ? cause : failure;
	}

	private static final class Pending<T> {

		final T item;

		final StoredPart part;

		final CompletableFuture<byte[]> bytes = new CompletableFuture<>();

		Pending(T item, StoredPart part) {
			this.item = item;
			this.part = part;
		}

	}

}
