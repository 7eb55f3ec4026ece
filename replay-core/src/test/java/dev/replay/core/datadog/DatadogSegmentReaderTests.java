package dev.replay.core.datadog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.replay.core.segment.DatadogSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DatadogSegmentReaderTests {

	@Test
	void rejectsTextInAnEncodingJsonDoesNotHave() throws IOException {
		// four bytes that announce UCS-4 in an unsupported byte order
		byte[] text = { 0, 0, 0, 0, '@', 0, 0, 0, 0, '2', 2, '[', '{' };
		DatadogSegmentReader.Result result = DatadogSegmentReader.read(new ByteArrayInputStream(text));
		assertThat(result.violations()).extracting("path").containsExactly("$");
	}

	@Test
	void rejectsTextThatLooksLikeUtf32ButIsNot() throws IOException {
		// three zero bytes make the parser guess UTF-32, and the next code unit is out of
		// range
		byte[] text = { 0, 0, 0, '{', '"', 'q', 'a', 'w' };
		DatadogSegmentReader.Result result = DatadogSegmentReader.read(new ByteArrayInputStream(text));
		assertThat(result.violations()).extracting("path").containsExactly("$");
	}

	@Test
	void readsMetadataAndRecordFiguresWhateverTheKeyOrder() throws IOException {
		DatadogSegmentReader.Result result = read("""
				{"records":[{"data":{"href":"https://shop.example/","width":1,"height":1},"type":4,"timestamp":20},
				{"type":10,"timestamp":10,"data":{"wireframes":[]}}],"start":10,"end":20,"records_count":2,
				"session":{"id":"s"},"view":{"id":"v"},"application":{"id":"a"}}
				""");
		DatadogSegment segment = result.segment();
		assertThat(segment).isNotNull();
		assertThat(segment.sessionId()).isEqualTo("s");
		assertThat(segment.viewId()).isEqualTo("v");
		assertThat(segment.applicationId()).isEqualTo("a");
		assertThat(segment.recordsCount()).isEqualTo(2);
		assertThat(segment.href()).isEqualTo("https://shop.example/");
		assertThat(segment.summary().firstTimestamp()).isEqualTo(10);
		assertThat(segment.summary().lastTimestamp()).isEqualTo(20);
		assertThat(segment.summary().hasFullSnapshot()).isTrue();
	}

	@Test
	void rejectsRecordWithoutNumericTypeAndTimestamp() throws IOException {
		assertThat(read("{\"records\":[{\"type\":\"4\",\"timestamp\":1}]}").violations())
			.extracting((violation) -> violation.path())
			.containsExactly("records[0]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1e18", "1180591620717411303424", "253402300800000" })
	void rejectsTimestampsOutsideEpochMillis(String timestamp) throws IOException {
		assertThat(read("{\"records\":[{\"type\":4,\"timestamp\":%s}]}".formatted(timestamp)).violations())
			.extracting((violation) -> violation.path())
			.containsExactly("records[0]");
		assertThat(read("{\"start\":%s,\"records\":[{\"type\":4,\"timestamp\":1}]}".formatted(timestamp)).violations())
			.extracting((violation) -> violation.path())
			.containsExactly("start");
	}

	@Test
	void replacesControlCharactersOfTheHref() throws IOException {
		DatadogSegment segment = read(
				"{\"records\":[{\"type\":4,\"timestamp\":1,\"data\":{\"href\":\"https://a/\\u0000\"}}]}")
			.segment();
		assertThat(segment).isNotNull();
		assertThat(segment.href()).isEqualTo("https://a/\uFFFD");
	}

	@Test
	void rejectsSegmentWithoutRecords() throws IOException {
		assertThat(read("{\"session\":{\"id\":\"s\"}}").segment()).isNull();
		assertThat(read("{\"records\":[]}").segment()).isNull();
	}

	@Test
	void rejectsDeeplyNestedJson() throws IOException {
		assertThat(read("{\"records\":[" + "[".repeat(100_000)).segment()).isNull();
	}

	private static DatadogSegmentReader.Result read(String json) throws IOException {
		return DatadogSegmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
