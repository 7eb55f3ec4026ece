package dev.replay.core.playback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.replay.core.privacy.Redaction;
import dev.replay.core.privacy.RedactionRule;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.SegmentEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlaybackTests {

	private static final long START = 1_700_000_000_000L;

	// a keyframe every two page changes, whatever the time
	private static final KeyframePolicy EVERY_TWO_CHANGES = new KeyframePolicy(3_600_000, 2);

	@Test
	void playsFromEachKeyframeTheIndexerWroteExactlyTheEventsAfterIt() throws Exception {
		List<RawEvent> stream = List.of(meta(0), snapshot(0), text(10, "a"), text(20, "b"),
				// due here: the keyframe at 20 includes one event at 20 and not this one
				text(20, "c"), text(20, "d"),
				// due here: the keyframe at 20 includes all three events at 20
				text(30, "e"), mouseMove(40), text(50, "f"),
				// due here; then the recorder's own full snapshot, which includes the
				// events at its timestamp before it, but not the one after it
				mouseMove(60), meta(60), snapshot(60), text(60, "g"), text(70, "h"));
		List<SegmentEvents> segments = List.of(segment(stream.subList(0, 5)), segment(stream.subList(5, 10)),
				segment(stream.subList(10, stream.size())));
		List<RawEvent> masked = new ArrayList<>();
		List<PlaybackKeyframe> keyframes = new ArrayList<>();
		PlaybackIndexer indexer = new PlaybackIndexer(EVERY_TWO_CHANGES, keyframes::add);
		Playback.fromStart(Long.MAX_VALUE).forEach(segments.iterator(), (event) -> masked.add(indexer.accept(event)));
		assertThat(json(masked)).isEqualTo(json(stream));
		assertThat(keyframes).extracting(PlaybackKeyframe::timestamp, PlaybackKeyframe::includedAtTimestamp)
			.containsExactly(tuple(START + 20, 1), tuple(START + 20, 3), tuple(START + 50, 1), tuple(START + 60, 3));
		for (PlaybackKeyframe keyframe : keyframes) {
			List<RawEvent> played = new ArrayList<>();
			Playback.fromKeyframe(keyframe, Long.MAX_VALUE).forEach(segments.iterator(), played::add);
			List<RawEvent> expected = new ArrayList<>(keyframe.events());
			expected.addAll(stream.subList((int) keyframe.nextEventIndex(), stream.size()));
			assertThat(json(played)).as("from the keyframe at %d", keyframe.offset()).isEqualTo(json(expected));
		}
	}

	@Test
	void redactsKeyframesWhenServedAndWhenWrittenWithTheRules() throws Exception {
		List<RawEvent> stream = List.of(meta(0), snapshot(0), text(10, "secret a"), text(20, "secret b"), text(30, "c"),
				text(40, "d"), text(50, "secret e"));
		Redaction redaction = Redaction.of(List.of(new RedactionRule("secret", null), new RedactionRule(null, "body")));
		List<PlaybackKeyframe> unredacted = new ArrayList<>();
		stream.forEach(new PlaybackIndexer(EVERY_TWO_CHANGES, unredacted::add)::accept);
		PlaybackKeyframe first = unredacted.get(0);
		assertThat(json(first.events())).anyMatch((event) -> event.contains("secret"));
		List<RawEvent> played = new ArrayList<>();
		Playback.fromKeyframe(first, Long.MAX_VALUE)
			.redacted(redaction)
			.forEach(List.of(segment(stream)).iterator(), played::add);
		assertThat(json(played)).noneMatch((event) -> event.contains("secret") || event.contains("start"))
			.anyMatch((event) -> event.contains("\"value\":\"*\""));
		List<PlaybackKeyframe> rebuilt = new ArrayList<>();
		stream.forEach(new PlaybackIndexer(EVERY_TWO_CHANGES, redaction, rebuilt::add)::accept);
		assertThat(rebuilt).isNotEmpty()
			.allSatisfy(
					(keyframe) -> assertThat(json(keyframe.events())).noneMatch((event) -> event.contains("secret")));
	}

	@Test
	void endsAtTheLastTimestampAndReadsNoSegmentAfterIt() throws Exception {
		List<String> opened = new ArrayList<>();
		List<SegmentEvents> segments = List.of(tracked(opened, "first", List.of(meta(0), snapshot(0), text(10, "a"))),
				tracked(opened, "second", List.of(text(20, "b"), text(30, "c"))),
				tracked(opened, "third", List.of(text(40, "d"))));
		List<RawEvent> played = new ArrayList<>();
		Playback.fromStart(START + 20).forEach(segments.iterator(), played::add);
		assertThat(json(played)).isEqualTo(json(List.of(meta(0), snapshot(0), text(10, "a"), text(20, "b"))));
		assertThat(opened).containsExactly("first", "second");
	}

	@Test
	void masksTheValuesTypedBeforeTheKeyframeWherePlaybackFromItShowsThem() throws Exception {
		List<RawEvent> stream = List.of(meta(0), passwordPage(0), event(10,
				"{\"type\":3,\"data\":{\"source\":5,\"id\":5,\"text\":\"hunter22\",\"isChecked\":false},\"timestamp\":%d}"),
				text(20, "a"), text(30, "b"), text(40, "c"), text(50, "typed: hunter22"));
		List<PlaybackKeyframe> keyframes = new ArrayList<>();
		PlaybackIndexer indexer = new PlaybackIndexer(EVERY_TWO_CHANGES, keyframes::add);
		stream.forEach(indexer::accept);
		PlaybackKeyframe last = keyframes.get(keyframes.size() - 1);
		assertThat(last.maskedValues()).contains("hunter22");
		List<RawEvent> played = new ArrayList<>();
		Playback.fromKeyframe(last, Long.MAX_VALUE).forEach(List.of(segment(stream)).iterator(), played::add);
		assertThat(json(played)).noneMatch((event) -> event.contains("hunter22"))
			.anyMatch((event) -> event.contains("typed: ********"));
	}

	@Test
	void readsTheSegmentsFromTheKeyframeOn() {
		PlaybackKeyframe keyframe = new PlaybackKeyframe(20, START + 20, 4, 1, List.of(meta(20), snapshot(20)),
				List.of());
		assertThat(Playback.fromKeyframe(keyframe, START + 90).segmentsFrom()).isEqualTo(START + 20);
		assertThat(Playback.fromKeyframe(keyframe, START + 90).lastTimestamp()).isEqualTo(START + 90);
		assertThat(Playback.fromStart(Long.MAX_VALUE).segmentsFrom()).isEqualTo(Long.MIN_VALUE);
	}

	private static SegmentEvents tracked(List<String> opened, String name, List<RawEvent> events) {
		SegmentEvents segment = segment(events);
		return new SegmentEvents() {

			@Override
			public long firstTimestamp() {
				return segment.firstTimestamp();
			}

			@Override
			public List<RawEvent> read() throws IOException {
				opened.add(name);
				return segment.read();
			}

		};
	}

	private static SegmentEvents segment(List<RawEvent> events) {
		return new SegmentEvents() {

			@Override
			public long firstTimestamp() {
				return events.get(0).timestamp();
			}

			@Override
			public List<RawEvent> read() {
				return events;
			}

		};
	}

	private static List<String> json(List<RawEvent> events) {
		return events.stream().map((event) -> new String(event.json(), StandardCharsets.UTF_8)).toList();
	}

	private static RawEvent meta(long offset) {
		return event(offset, "{\"type\":4,\"data\":{\"href\":\"https://t.test/\",\"width\":800,\"height\":600},"
				+ "\"timestamp\":%d}");
	}

	private static RawEvent snapshot(long offset) {
		return event(offset, "{\"type\":2,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,"
				+ "\"id\":2,\"tagName\":\"html\",\"attributes\":{},\"childNodes\":[{\"type\":2,\"id\":3,"
				+ "\"tagName\":\"body\",\"attributes\":{},\"childNodes\":[{\"type\":3,\"id\":4,"
				+ "\"textContent\":\"start\"}]}]}]},\"initialOffset\":{\"top\":0,\"left\":0}},\"timestamp\":%d}");
	}

	private static RawEvent passwordPage(long offset) {
		return event(offset,
				"{\"type\":2,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,"
						+ "\"id\":2,\"tagName\":\"html\",\"attributes\":{},\"childNodes\":[{\"type\":2,\"id\":3,"
						+ "\"tagName\":\"body\",\"attributes\":{},\"childNodes\":[{\"type\":3,\"id\":4,"
						+ "\"textContent\":\"start\"},{\"type\":2,\"id\":5,\"tagName\":\"input\",\"attributes\":"
						+ "{\"type\":\"password\"},\"childNodes\":[]}]}]}]},\"initialOffset\":{\"top\":0,\"left\":0}},"
						+ "\"timestamp\":%d}");
	}

	private static RawEvent text(long offset, String text) {
		return event(offset, "{\"type\":3,\"data\":{\"source\":0,\"adds\":[],\"removes\":[],\"attributes\":[],"
				+ "\"texts\":[{\"id\":4,\"value\":\"" + text + "\"}]},\"timestamp\":%d}");
	}

	private static RawEvent mouseMove(long offset) {
		return event(offset, "{\"type\":3,\"data\":{\"source\":1,\"positions\":[]},\"timestamp\":%d}");
	}

	private static RawEvent event(long offset, String json) {
		return new RawEvent(START + offset, String.format(json, START + offset).getBytes(StandardCharsets.UTF_8));
	}

}
