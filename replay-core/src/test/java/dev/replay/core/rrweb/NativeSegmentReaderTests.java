package dev.replay.core.rrweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import dev.replay.core.segment.NativeSegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NativeSegmentReaderTests {

	private static final String APP = "4f6f3b7a-0c1e-4c7b-9a5e-2d8f1e6b9c01";

	@Test
	void rejectsTextInAnEncodingJsonDoesNotHave() throws IOException {
		// four bytes that announce UCS-4 in an unsupported byte order
		byte[] text = { 0, 0, 0, 0, '@', 0, 0, 0, 0, '2', 2, '[', '{' };
		NativeSegmentReader.Result result = NativeSegmentReader.read(new ByteArrayInputStream(text));
		assertThat(result.violations()).extracting("path").containsExactly("$");
	}

	@Test
	void rejectsTextThatLooksLikeUtf32ButIsNot() throws IOException {
		// three zero bytes make the parser guess UTF-32, and the next code unit is out of
		// range
		byte[] text = { 0, 0, 0, '{', '"', 'q', 'a', 'w' };
		NativeSegmentReader.Result result = NativeSegmentReader.read(new ByteArrayInputStream(text));
		assertThat(result.violations()).extracting("path").containsExactly("$");
	}

	@Test
	void readsSummaryAndContextOfValidBatch() throws IOException {
		NativeSegmentReader.Result result = read(
				"""
						{"events":[{"type":4,"timestamp":1000,"data":{"href":"http://a/"}},
						{"type":2,"timestamp":1002,"data":{"node":{"type":0,"childNodes":[]}}},
						{"type":3,"timestamp":1001.7,"data":{"source":1}}],
						"applicationId":"%s","sequence":3,"viewId":"v1",
						"context":{"url":"http://a/","userAgent":"UA","user":{"id":"u1","name":"Ann","email":"a@x"},"extra":[1]}}"""
					.formatted(APP));
		assertThat(result.violations()).isEmpty();
		NativeSegment segment = result.segment();
		assertThat(segment).isNotNull();
		assertThat(segment.applicationId()).isEqualTo(APP);
		assertThat(segment.sequence()).isEqualTo(3);
		assertThat(segment.viewId()).isEqualTo("v1");
		assertThat(segment.summary().firstTimestamp()).isEqualTo(1000);
		assertThat(segment.summary().lastTimestamp()).isEqualTo(1002);
		assertThat(segment.summary().eventCount()).isEqualTo(3);
		assertThat(segment.summary().hasFullSnapshot()).isTrue();
		assertThat(segment.context().userEmail()).isEqualTo("a@x");
		assertThat(segment.context().url()).isEqualTo("http://a/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "1e18", "1180591620717411303424", "-9223372036854775808", "253402300800000" })
	void rejectsTimestampsOutsideEpochMillis(String timestamp) throws IOException {
		assertThat(read("{\"applicationId\":\"%s\",\"sequence\":0,\"events\":[{\"type\":4,\"timestamp\":%s}]}"
			.formatted(APP, timestamp)).violations()).extracting("path").containsExactly("events[0]");
	}

	@Test
	void rejectsViewIdWithControlCharacters() throws IOException {
		assertThat(read(
				"{\"applicationId\":\"%s\",\"sequence\":0,\"viewId\":\"v\\u0000\",\"events\":[{\"type\":4,\"timestamp\":1}]}"
					.formatted(APP))
			.violations()).extracting("path").containsExactly("viewId");
	}

	@Test
	void replacesControlCharactersOfTheContext() throws IOException {
		NativeSegment segment = read(
				"{\"applicationId\":\"%s\",\"sequence\":0,\"events\":[{\"type\":4,\"timestamp\":1}],\"context\":{\"url\":\"http://a/\\u0000b\",\"user\":{\"name\":\"A\\u0007n\\tn\"}}}"
					.formatted(APP))
			.segment();
		assertThat(segment).isNotNull();
		assertThat(segment.context().url()).isEqualTo("http://a/\uFFFDb");
		assertThat(segment.context().userName()).isEqualTo("A\uFFFDn\tn");
	}

	@Test
	void rejectsEmptyEventList() throws IOException {
		assertThat(read("{\"applicationId\":\"%s\",\"sequence\":0,\"events\":[]}".formatted(APP)).violations())
			.extracting("path")
			.containsExactly("events");
	}

	@Test
	void rejectsMissingFields() throws IOException {
		assertThat(read("{\"events\":[{\"type\":4,\"timestamp\":1}]}").violations()).extracting("path")
			.containsExactlyInAnyOrder("applicationId", "sequence");
	}

	@Test
	void rejectsEventWithoutTimestamp() throws IOException {
		assertThat(read("{\"applicationId\":\"%s\",\"sequence\":0,\"events\":[{\"type\":4},7]}".formatted(APP))
			.violations()).extracting("path").containsExactly("events[0]", "events[1]");
	}

	@Test
	void rejectsNegativeSequence() throws IOException {
		assertThat(read(
				"{\"applicationId\":\"%s\",\"sequence\":-1,\"events\":[{\"type\":4,\"timestamp\":1}]}".formatted(APP))
			.violations()).extracting("path").containsExactly("sequence");
	}

	@Test
	void rejectsInvalidJson() throws IOException {
		assertThat(read("{\"applicationId\":").violations()).extracting("path").containsExactly("$");
	}

	@Test
	void rejectsArrayInsteadOfObject() throws IOException {
		assertThat(read("[{\"type\":4,\"timestamp\":1}]").violations()).extracting("message")
			.containsExactly("must be a JSON object");
	}

	@Test
	void rejectsNestingDeeperThanLimit() throws IOException {
		String deep = "[".repeat(RecordingJson.MAX_NESTING_DEPTH + 10);
		NativeSegmentReader.Result result = read(
				"{\"applicationId\":\"%s\",\"sequence\":0,\"events\":[{\"type\":3,\"timestamp\":1,\"data\":%s"
					.formatted(APP, deep));
		assertThat(result.segment()).isNull();
		assertThat(result.violations()).extracting("path").containsExactly("$");
	}

	private static NativeSegmentReader.Result read(String json) throws IOException {
		return NativeSegmentReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
