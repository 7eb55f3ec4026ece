package dev.replay.core.timeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Merges the events of a session's segments into one stream in timestamp order, opening a
 * segment only when the merge reaches it, so memory holds just the segments that overlap
 * in time. Events of equal timestamp keep their segment order and their order within the
 * segment, and an event delivered again in another segment is emitted once.
 */
public final class TimelineMerger {

	private final List<SegmentEvents> segments;

	/**
	 * Create a merger.
	 * @param segments the segments, in any order
	 */
	public TimelineMerger(List<? extends SegmentEvents> segments) {
		List<SegmentEvents> sorted = new ArrayList<>(segments);
		sorted.sort(Comparator.comparingLong(SegmentEvents::firstTimestamp));
		this.segments = sorted;
	}

	/**
	 * Emit every event in order.
	 * @param sink receives the events
	 * @throws IOException if a segment cannot be read
	 */
	public void forEach(Consumer<RawEvent> sink) throws IOException {
		forEachUntil(Long.MAX_VALUE, sink);
	}

	/**
	 * Emit the events in order up to a timestamp, and read no segment that starts after
	 * it.
	 * @param lastTimestamp the epoch milliseconds of the last events to emit
	 * @param sink receives the events
	 * @throws IOException if a segment cannot be read
	 */
	public void forEachUntil(long lastTimestamp, Consumer<RawEvent> sink) throws IOException {
		mergeInOrder(this.segments.iterator(), lastTimestamp, sink);
	}

	/**
	 * Merge segments that come already ordered by their first timestamp, as a database
	 * cursor returns them: each segment is taken from the iterator only when the merge
	 * needs to know its first timestamp, and read only when the merge reaches it.
	 * Segments of equal first timestamp keep the iterator's order.
	 * @param segments the segments, in first-timestamp order
	 * @param lastTimestamp the epoch milliseconds of the last events to emit
	 * @param sink receives the events
	 * @throws IOException if a segment cannot be read
	 */
	public static void mergeInOrder(Iterator<? extends SegmentEvents> segments, long lastTimestamp,
			Consumer<RawEvent> sink) throws IOException {
		PriorityQueue<Cursor> open = new PriorityQueue<>(
				Comparator.comparingLong(Cursor::timestamp).thenComparingInt(Cursor::order));
		Duplicates duplicates = new Duplicates();
		SegmentEvents next = segments.hasNext() ? segments.next() : null;
		int order = 0;
		while (true) {
			while (next != null && next.firstTimestamp() <= lastTimestamp
					&& (open.isEmpty() || next.firstTimestamp() <= open.peek().timestamp())) {
				Cursor cursor = Cursor.open(next, order++);
				if (cursor != null) {
					open.add(cursor);
				}
				next = segments.hasNext() ? segments.next() : null;
			}
			Cursor cursor = open.poll();
			if (cursor == null || cursor.timestamp() > lastTimestamp) {
				return;
			}
			RawEvent event = cursor.head();
			if (duplicates.firstTime(event, cursor.order())) {
				sink.accept(event);
			}
			if (cursor.advance()) {
				open.add(cursor);
			}
		}
	}

	private static final class Cursor {

		private final List<RawEvent> events;

		private final int order;

		private int position;

		private Cursor(List<RawEvent> events, int order) {
			this.events = events;
			this.order = order;
		}

		static Cursor open(SegmentEvents segment, int order) throws IOException {
			List<RawEvent> events = new ArrayList<>(segment.read());
			// a stable sort: events of equal timestamp keep their recorded order
			events.sort(Comparator.comparingLong(RawEvent::timestamp));
			return events.isEmpty() ? null : new Cursor(events, order);
		}

		RawEvent head() {
			return this.events.get(this.position);
		}

		long timestamp() {
			return head().timestamp();
		}

		int order() {
			return this.order;
		}

		boolean advance() {
			this.position++;
			return this.position < this.events.size();
		}

	}

	/**
	 * Remembers the events emitted at the current timestamp, which is all that is needed
	 * because the output never goes back in time.
	 */
	private static final class Duplicates {

		private long timestamp = Long.MIN_VALUE;

		private final List<RawEvent> events = new ArrayList<>();

		private final List<Integer> origins = new ArrayList<>();

		boolean firstTime(RawEvent event, int origin) {
			if (event.timestamp() != this.timestamp) {
				this.timestamp = event.timestamp();
				this.events.clear();
				this.origins.clear();
			}
			for (int i = 0; i < this.events.size(); i++) {
				if (this.origins.get(i) != origin && Arrays.equals(this.events.get(i).json(), event.json())) {
					return false;
				}
			}
			this.events.add(event);
			this.origins.add(origin);
			return true;
		}

	}

}
