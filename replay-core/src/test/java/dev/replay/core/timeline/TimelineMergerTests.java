package dev.replay.core.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineMergerTests {

	@Test
	void mergesOverlappingSegmentsInTimestampOrder() throws Exception {
		List<String> merged = merge(segment(10, "a@10", "b@30"), segment(20, "c@20", "d@40"), segment(5, "e@5"));
		assertThat(merged).containsExactly("e@5", "a@10", "c@20", "b@30", "d@40");
	}

	@Test
	void keepsRecordedOrderOfEqualTimestamps() throws Exception {
		List<String> merged = merge(segment(10, "x@10", "y@10", "z@10"), segment(10, "w@10"));
		assertThat(merged).containsExactly("x@10", "y@10", "z@10", "w@10");
	}

	@Test
	void dropsEventDeliveredAgainInAnotherSegment() throws Exception {
		List<String> merged = merge(segment(10, "a@10", "b@20"), segment(20, "b@20", "c@30"));
		assertThat(merged).containsExactly("a@10", "b@20", "c@30");
	}

	@Test
	void keepsIdenticalEventsWithinOneSegment() throws Exception {
		assertThat(merge(segment(10, "a@10", "a@10"))).containsExactly("a@10", "a@10");
	}

	@Test
	void sortsEventsOutOfOrderWithinSegment() throws Exception {
		assertThat(merge(segment(10, "b@20", "a@10"))).containsExactly("a@10", "b@20");
	}

	@Test
	void opensSegmentsOnlyWhenReached() throws Exception {
		List<String> opened = new ArrayList<>();
		TrackingSegment first = new TrackingSegment(segment(10, "a@10", "b@11"), opened, "first");
		TrackingSegment second = new TrackingSegment(segment(1000, "c@1000"), opened, "second");
		List<String> seen = new ArrayList<>();
		new TimelineMerger(List.of(second, first)).forEach((event) -> {
			seen.add(new String(event.json(), StandardCharsets.UTF_8));
			if (seen.size() == 2) {
				assertThat(opened).containsExactly("first");
			}
		});
		assertThat(opened).containsExactly("first", "second");
	}

	@Test
	void takesSegmentsFromAnOrderedIteratorOneAheadOfTheMerge() throws Exception {
		List<String> opened = new ArrayList<>();
		List<String> taken = new ArrayList<>();
		List<SegmentEvents> segments = List.of(new TrackingSegment(segment(10, "a@10", "b@11"), opened, "first"),
				new TrackingSegment(segment(20, "c@20"), opened, "second"),
				new TrackingSegment(segment(1000, "d@1000"), opened, "third"));
		Iterator<SegmentEvents> cursor = segments.iterator();
		Iterator<SegmentEvents> tracked = new Iterator<>() {

			@Override
			public boolean hasNext() {
				return cursor.hasNext();
			}

			@Override
			public SegmentEvents next() {
				SegmentEvents next = cursor.next();
				taken.add(((TrackingSegment) next).name());
				return next;
			}

		};
		List<String> seen = new ArrayList<>();
		TimelineMerger.mergeInOrder(tracked, Long.MAX_VALUE, (event) -> {
			seen.add(new String(event.json(), StandardCharsets.UTF_8));
			if (seen.size() == 1) {
				assertThat(opened).containsExactly("first");
				assertThat(taken).containsExactly("first", "second");
			}
		});
		assertThat(seen).containsExactly("a@10", "b@11", "c@20", "d@1000");
		assertThat(taken).containsExactly("first", "second", "third");
	}

	@Test
	void opensNoSegmentOfAnOrderedIteratorThatStartsAfterTheLastTimestamp() throws Exception {
		List<String> opened = new ArrayList<>();
		List<SegmentEvents> segments = List.of(new TrackingSegment(segment(10, "a@10", "b@30"), opened, "first"),
				new TrackingSegment(segment(20, "c@20", "d@40"), opened, "second"),
				new TrackingSegment(segment(31, "e@31"), opened, "third"));
		List<String> seen = new ArrayList<>();
		TimelineMerger.mergeInOrder(segments.iterator(), 30,
				(event) -> seen.add(new String(event.json(), StandardCharsets.UTF_8)));
		assertThat(seen).containsExactly("a@10", "c@20", "b@30");
		assertThat(opened).containsExactly("first", "second");
	}

	private static List<String> merge(SegmentEvents... segments) throws Exception {
		List<String> out = new ArrayList<>();
		new TimelineMerger(List.of(segments))
			.forEach((event) -> out.add(new String(event.json(), StandardCharsets.UTF_8)));
		return out;
	}

	private static SegmentEvents segment(long first, String... events) {
		List<RawEvent> raw = new ArrayList<>();
		for (String event : events) {
			long timestamp = Long.parseLong(event.substring(event.indexOf('@') + 1));
			raw.add(new RawEvent(timestamp, event.getBytes(StandardCharsets.UTF_8)));
		}
		return new SegmentEvents() {

			@Override
			public long firstTimestamp() {
				return first;
			}

			@Override
			public List<RawEvent> read() {
				return raw;
			}

		};
	}

	private record TrackingSegment(SegmentEvents delegate, List<String> opened, String name) implements SegmentEvents {

		@Override
		public long firstTimestamp() {
			return this.delegate.firstTimestamp();
		}

		@Override
		public List<RawEvent> read() throws java.io.IOException {
			this.opened.add(this.name);
			return this.delegate.read();
		}

	}

}
