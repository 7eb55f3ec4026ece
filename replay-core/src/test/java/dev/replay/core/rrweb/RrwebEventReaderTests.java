package dev.replay.core.rrweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.replay.core.timeline.RawEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

class RrwebEventReaderTests {

	@Test
	void readsAnArrayAsTheBytesOfEachEventWithItsTimestamp() throws IOException {
		String first = "{\"type\":4,\"data\":{\"href\":\"http://a/\",\"timestamp\":1},\"timestamp\":1000}";
		String second = "{\"timestamp\":1002.9,\"type\":2,\"data\":{\"node\":{\"childNodes\":[{\"id\":1}]}}}";
		List<RawEvent> events = RrwebEventReader.readArray(stream("[ " + first + ",\n" + second + " ]"));
		assertThat(events).extracting(RawEvent::timestamp).containsExactly(1000L, 1002L);
		assertThat(events).extracting((event) -> new String(event.json(), StandardCharsets.UTF_8))
			.containsExactly(first, second);
	}

	@Test
	void refusesWhatIsNoArrayOfEvents() {
		assertThatIOException().isThrownBy(() -> RrwebEventReader.readArray(stream("{\"events\":[]}")));
		assertThatIOException().isThrownBy(() -> RrwebEventReader.readArray(stream("[{\"timestamp\":1}")));
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
