package dev.replay.core.playback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.SegmentFormat;
import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SessionDecoderTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> partlyDecoded = new ArrayList<>();

	private final SessionDecoder decoder = new SessionDecoder((id) -> "/images/" + id,
			(segment, problem) -> this.partlyDecoded.add(segment.id() + ": " + problem.getMessage()));

	@Test
	void readsANativeBatchAsItWasStored() throws IOException {
		String batch = "{\"sequence\":0,\"events\":[{\"type\":4,\"data\":{\"href\":\"https://t.test/\"},"
				+ "\"timestamp\":1700000000000},{\"type\":3,\"data\":{\"source\":1},\"timestamp\":1700000000005}]}";
		List<RawEvent> events = this.decoder.decode(new StoredSegment(1, 1700000000000L, SegmentFormat.RRWEB,
				ContentEncoding.GZIP, gzip(batch.getBytes(StandardCharsets.UTF_8))));
		assertThat(events).extracting(RawEvent::timestamp).containsExactly(1700000000000L, 1700000000005L);
		assertThat(new String(events.get(1).json(), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\":3,\"data\":{\"source\":1},\"timestamp\":1700000000005}");
	}

	@Test
	void keepsTheDatadogDecodingStateOfTheSessionFromOneSegmentToTheNext() throws IOException {
		List<StoredSegment> view = changeSegmentInTwo();
		this.decoder.decode(view.get(0));
		List<RawEvent> second = this.decoder.decode(view.get(1));
		assertThat(this.partlyDecoded).isEmpty();
		List<RawEvent> alone = new SessionDecoder((id) -> id,
				(segment, problem) -> this.partlyDecoded.add(segment.id() + ": " + problem.getMessage()))
			.decode(view.get(1));
		assertThat(this.partlyDecoded).singleElement().asString().startsWith("2: ");
		assertThat(alone).hasSizeLessThan(second.size());
	}

	@Test
	void keepsTheEventsConvertedBeforeARecordThatCannotBeDecoded() throws IOException {
		String segment = "{\"records\":[{\"type\":4,\"timestamp\":1,\"data\":{\"href\":\"https://t.test/\","
				+ "\"width\":800,\"height\":600}},{\"type\":12,\"timestamp\":2,\"data\":[[2,17]]}]}";
		List<RawEvent> events = this.decoder.decode(new StoredSegment(7, 1, SegmentFormat.DATADOG_BROWSER,
				ContentEncoding.IDENTITY, segment.getBytes(StandardCharsets.UTF_8)));
		assertThat(events).singleElement()
			.satisfies((event) -> assertThat(JSON.readTree(event.json()).path("type").asInt()).isEqualTo(4));
		assertThat(this.partlyDecoded).singleElement().asString().startsWith("7: ").contains("unknown node 17");
	}

	@Test
	void pointsTheImagesOfAMobileSessionAtItsResourceUrls() throws IOException {
		List<RawEvent> events = this.decoder.decode(new StoredSegment(3, 1, SegmentFormat.DATADOG_MOBILE,
				ContentEncoding.IDENTITY, resource("datadog/mobile-segment.json")));
		assertThat(events).anySatisfy((event) -> assertThat(new String(event.json(), StandardCharsets.UTF_8))
			.contains("/images/9e107d9d372bb6826bd81d3542a419d6"));
		assertThat(this.partlyDecoded).isEmpty();
	}

	@Test
	void decodesASegmentWhenTheMergeReadsIt() throws IOException {
		StoredSegment stored = new StoredSegment(1, 1700000000000L, SegmentFormat.DATADOG_BROWSER,
				ContentEncoding.IDENTITY, "not json".getBytes(StandardCharsets.UTF_8));
		assertThat(this.decoder.events(stored).firstTimestamp()).isEqualTo(1700000000000L);
		assertThat(this.partlyDecoded).isEmpty();
		assertThat(this.decoder.events(stored).read()).isEmpty();
		assertThat(this.partlyDecoded).singleElement().asString().contains("not valid JSON");
	}

	// one view's records, cut in two segments: the second refers to the nodes and strings
	// of the first
	private static List<StoredSegment> changeSegmentInTwo() {
		JsonNode tree = JSON.readTree(resource("datadog/browser-segment-change.json"));
		List<JsonNode> records = new ArrayList<>();
		tree.path("records").forEach(records::add);
		String first = "{\"records\":" + records.subList(0, 4) + ",\"view\":{\"id\":\"v\"}}";
		String second = "{\"records\":" + records.subList(4, records.size()) + ",\"view\":{\"id\":\"v\"}}";
		return List.of(
				new StoredSegment(1, records.get(0).path("timestamp").asLong(), SegmentFormat.DATADOG_BROWSER,
						ContentEncoding.IDENTITY, first.getBytes(StandardCharsets.UTF_8)),
				new StoredSegment(2, records.get(4).path("timestamp").asLong(), SegmentFormat.DATADOG_BROWSER,
						ContentEncoding.IDENTITY, second.getBytes(StandardCharsets.UTF_8)));
	}

	private static byte[] resource(String path) {
		try (InputStream in = SessionDecoderTests.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
