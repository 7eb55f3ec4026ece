package dev.replay.core.timeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.replay.core.dom.PageState;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class KeyframeBuilderTests {

	private static final long START = 1_700_000_000_000L;

	private static final long TEN_MINUTES = 600_000;

	@Test
	void writesKeyframesAtTheIntervalWhileTheEventsStreamBy() {
		List<Keyframe> keyframes = new ArrayList<>();
		KeyframeBuilder builder = new KeyframeBuilder(new KeyframePolicy(30_000, 100_000), RrwebKeyframeCodec.INSTANCE,
				keyframes::add);
		// the events are made one at a time and dropped once taken: nothing holds the
		// stream
		ticks().forEachRemaining(builder::accept);
		assertThat(keyframes).hasSize(19);
		for (int i = 0; i < keyframes.size(); i++) {
			Keyframe keyframe = keyframes.get(i);
			assertThat(keyframe.offset()).isBetween(30_000L * (i + 1) - 100, 30_000L * (i + 1));
			assertThat(keyframe.sessionStart()).isEqualTo(START);
			String text = ReplayedPage.of(json(keyframe)).visibleText();
			// event n (n > 1) is the tick written at offset (n - 2) * 100
			assertThat(text).contains("tick " + (keyframe.nextEventIndex() - 3));
		}
	}

	@Test
	void writesAKeyframeSoonerAfterManyChanges() {
		List<Keyframe> keyframes = new ArrayList<>();
		KeyframeBuilder builder = new KeyframeBuilder(new KeyframePolicy(TEN_MINUTES, 1000),
				RrwebKeyframeCodec.INSTANCE, keyframes::add);
		ticks().forEachRemaining(builder::accept);
		assertThat(keyframes).hasSize(5);
		assertThat(keyframes).extracting(Keyframe::nextEventIndex).containsExactly(1002L, 2002L, 3002L, 4002L, 5002L);
	}

	@Test
	void writesNoKeyframeWhileThePageDoesNotChange() {
		List<Keyframe> keyframes = new ArrayList<>();
		KeyframeBuilder builder = new KeyframeBuilder(new KeyframePolicy(1000, 1000), RrwebKeyframeCodec.INSTANCE,
				keyframes::add);
		Iterator<RawEvent> ticks = ticks();
		builder.accept(ticks.next());
		builder.accept(ticks.next());
		for (int i = 1; i <= 100; i++) {
			builder.accept(event(i * 1000, "{\"type\":3,\"data\":{\"source\":1,\"positions\":[]},\"timestamp\":%d}"));
		}
		assertThat(keyframes).isEmpty();
	}

	@Test
	void resumesFromAStoredKeyframeAsIfItHadNotStopped() {
		List<RawEvent> events = CorpusRecordings.rawEvents("dashboard");
		KeyframePolicy policy = new KeyframePolicy(3000, 50);
		List<Keyframe> uninterrupted = new ArrayList<>();
		KeyframeBuilder builder = new KeyframeBuilder(policy, RrwebKeyframeCodec.INSTANCE, uninterrupted::add);
		events.forEach(builder::accept);
		assertThat(uninterrupted).hasSizeGreaterThan(4);
		Keyframe stored = uninterrupted.get(2);
		List<Keyframe> resumed = new ArrayList<>();
		KeyframeBuilder restarted = KeyframeBuilder.resume(stored, policy, RrwebKeyframeCodec.INSTANCE, resumed::add);
		events.subList((int) stored.nextEventIndex(), events.size()).forEach(restarted::accept);
		assertThat(resumed).extracting(KeyframeBuilderTests::render)
			.containsExactlyElementsOf(
					uninterrupted.subList(3, uninterrupted.size()).stream().map(KeyframeBuilderTests::render).toList());
		assertThat(resumed).extracting(Keyframe::nextEventIndex)
			.containsExactlyElementsOf(
					uninterrupted.subList(3, uninterrupted.size()).stream().map(Keyframe::nextEventIndex).toList());
	}

	@Test
	void rebuildsThePageStateOfAKeyframe() {
		List<RawEvent> events = CorpusRecordings.rawEvents("spa-router");
		List<Keyframe> keyframes = new ArrayList<>();
		KeyframeBuilder builder = new KeyframeBuilder(new KeyframePolicy(5000, 1000), RrwebKeyframeCodec.INSTANCE,
				keyframes::add);
		events.forEach(builder::accept);
		Keyframe last = keyframes.get(keyframes.size() - 1);
		PageState state = KeyframeBuilder.pageStateOf(last, RrwebKeyframeCodec.INSTANCE);
		PageState played = new PageState();
		events.subList(0, (int) last.nextEventIndex())
			.forEach((event) -> PageEvents.apply(played, RrwebKeyframeCodec.INSTANCE.decode(event)));
		assertThat(state.nodeCount()).isEqualTo(played.nodeCount());
		assertThat(render(RrwebKeyframeCodec.INSTANCE.encode(state.snapshot(), 0)))
			.isEqualTo(render(RrwebKeyframeCodec.INSTANCE.encode(played.snapshot(), 0)));
	}

	@Test
	void keepsTypedInputValuesAsInputEventsWithPasswordsMasked() {
		List<JsonNode> events = CorpusRecordings.events("form-inputs");
		CorpusRecordings.Screenshot filled = CorpusRecordings.screenshots("form-inputs").get(1);
		List<JsonNode> keyframe = KeyframeFidelityTests.keyframeAt(events,
				KeyframeFidelityTests.indexAfter(events, filled.offset()));
		Map<Integer, JsonNode> inputs = new HashMap<>();
		keyframe.stream()
			.filter((event) -> event.path("type").asInt() == 3 && event.path("data").path("source").asInt() == 5)
			.forEach((event) -> inputs.put(event.path("data").path("id").asInt(), event.path("data")));
		assertThat(inputs.get(57).path("text").asString()).isEqualTo("Ada Lovelace");
		assertThat(inputs.get(64).path("text").asString()).isEqualTo("ada@example.org");
		assertThat(inputs.get(71).path("text").asString()).matches("\\*+");
		assertThat(inputs.get(104).path("text").asString()).isEqualTo("Acme Ltd & Co");
		assertThat(inputs.get(184).path("isChecked").asBoolean()).isTrue();
		assertThat(inputs.containsKey(180) && inputs.get(180).path("isChecked").asBoolean()).isFalse();
		// the replayer sets the value property; the attributes stay as the page had them
		JsonNode document = keyframe.get(1).path("data").path("node");
		assertThat(attribute(document, 57, "value")).isNotEqualTo("Ada Lovelace");
	}

	private static String attribute(JsonNode node, int id, String name) {
		if (node.path("id").asInt() == id) {
			JsonNode value = node.path("attributes").path(name);
			return value.isMissingNode() ? null : value.asString();
		}
		for (JsonNode child : node.path("childNodes")) {
			String found = attribute(child, id, name);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String render(Keyframe keyframe) {
		return ReplayedPage.of(json(keyframe)).render();
	}

	private static String render(List<RawEvent> events) {
		return ReplayedPage.of(events.stream().map((event) -> CorpusRecordings.JSON.readTree(event.json())).toList())
			.render();
	}

	private static List<JsonNode> json(Keyframe keyframe) {
		return keyframe.events().stream().map((event) -> CorpusRecordings.JSON.readTree(event.json())).toList();
	}

	/**
	 * Return ten minutes of a page whose text changes every 100 ms, made one event at a
	 * time.
	 */
	private static Iterator<RawEvent> ticks() {
		return new Iterator<>() {

			private int index;

			@Override
			public boolean hasNext() {
				return this.index < 2 + TEN_MINUTES / 100;
			}

			@Override
			public RawEvent next() {
				int n = this.index++;
				if (n == 0) {
					return event(0, "{\"type\":4,\"data\":{\"href\":\"https://t.test/\",\"width\":800,\"height\":600},"
							+ "\"timestamp\":%d}");
				}
				if (n == 1) {
					return event(0, "{\"type\":2,\"data\":{\"node\":{\"type\":0,\"id\":1,\"childNodes\":[{\"type\":2,"
							+ "\"id\":2,\"tagName\":\"html\",\"attributes\":{},\"childNodes\":[{\"type\":2,\"id\":3,"
							+ "\"tagName\":\"body\",\"attributes\":{},\"childNodes\":[{\"type\":3,\"id\":4,"
							+ "\"textContent\":\"start\"}]}]}]},\"initialOffset\":{\"top\":0,\"left\":0}},"
							+ "\"timestamp\":%d}");
				}
				return event((n - 2) * 100L,
						"{\"type\":3,\"data\":{\"source\":0,\"adds\":[],\"removes\":[],"
								+ "\"attributes\":[],\"texts\":[{\"id\":4,\"value\":\"tick " + (n - 2)
								+ "\"}]},\"timestamp\":%d}");
			}

		};
	}

	private static RawEvent event(long offset, String json) {
		return new RawEvent(START + offset, String.format(json, START + offset).getBytes(StandardCharsets.UTF_8));
	}

}
