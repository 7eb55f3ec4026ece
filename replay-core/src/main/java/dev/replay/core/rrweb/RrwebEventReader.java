package dev.replay.core.rrweb;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.replay.core.timeline.RawEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads the rrweb events out of a stored native batch, one event at a time.
 */
public final class RrwebEventReader {

	private RrwebEventReader() {
	}

	/**
	 * Read the {@code events} of a native batch.
	 * @param json the inflated batch, as accepted by {@link NativeSegmentReader}
	 * @return the events in batch order
	 * @throws IOException if the bytes cannot be read or are not a batch
	 */
	public static List<RawEvent> readNativeBatch(InputStream json) throws IOException {
		byte[] bytes = json.readAllBytes();
		List<RawEvent> events = new ArrayList<>();
		try (JsonParser parser = RecordingJson.mapper().createParser(bytes)) {
			expect(parser.nextToken() == JsonToken.START_OBJECT);
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				if ("events".equals(name) && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						events.add(slice(parser, bytes));
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			RecordingJson.rethrowIoCause(ex);
			throw new IOException("Stored batch is not readable", ex);
		}
		return events;
	}

	// The event that starts at the parser's current START_OBJECT, as the bytes it was
	// stored as: only its top-level timestamp is read, the rest is skipped unparsed.
	private static RawEvent slice(JsonParser parser, byte[] bytes) {
		int start = (int) parser.currentTokenLocation().getByteOffset();
		long timestamp = 0;
		String field;
		while ((field = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			if ("timestamp".equals(field) && token.isNumeric()) {
				timestamp = (long) parser.getDoubleValue();
			}
			else {
				parser.skipChildren();
			}
		}
		int end = (int) parser.currentTokenLocation().getByteOffset() + 1;
		return new RawEvent(timestamp, Arrays.copyOfRange(bytes, start, end));
	}

	/**
	 * Read a JSON array of rrweb events, as keyframes are stored.
	 * @param json the array
	 * @return the events in array order
	 * @throws IOException if the bytes cannot be read or are not an array
	 */
	public static List<RawEvent> readArray(InputStream json) throws IOException {
		byte[] bytes = json.readAllBytes();
		List<RawEvent> events = new ArrayList<>();
		try (JsonParser parser = RecordingJson.mapper().createParser(bytes)) {
			expect(parser.nextToken() == JsonToken.START_ARRAY);
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				events.add(slice(parser, bytes));
			}
		}
		catch (JacksonException ex) {
			RecordingJson.rethrowIoCause(ex);
			throw new IOException("Stored events are not readable", ex);
		}
		return events;
	}

	/**
	 * Wrap an rrweb event tree as a {@link RawEvent}.
	 * @param event an rrweb event with a numeric {@code timestamp}
	 * @return the event as bytes
	 */
	public static RawEvent toRawEvent(JsonNode event) {
		long timestamp = event.path("timestamp").asLong();
		return new RawEvent(timestamp, RecordingJson.mapper().writeValueAsBytes(event));
	}

	/**
	 * Wrap an rrweb event's JSON as a {@link RawEvent}, reading only its top-level
	 * {@code timestamp}.
	 * @param json an rrweb event as UTF-8 JSON
	 * @return the event, with timestamp 0 when it has none
	 */
	public static RawEvent toRawEvent(byte[] json) {
		long timestamp = 0;
		try (JsonParser parser = RecordingJson.mapper().createParser(json)) {
			if (parser.nextToken() == JsonToken.START_OBJECT) {
				String name;
				while ((name = parser.nextName()) != null) {
					JsonToken value = parser.nextToken();
					if ("timestamp".equals(name) && value.isNumeric()) {
						timestamp = (long) parser.getDoubleValue();
						break;
					}
					parser.skipChildren();
				}
			}
		}
		return new RawEvent(timestamp, json);
	}

	/**
	 * Read the top-level {@code type} of an rrweb event without reading its data when the
	 * type comes first, as rrweb writes it.
	 * @param json an rrweb event as UTF-8 JSON
	 * @return the type code, or {@code -1} when it has none
	 */
	public static int typeOf(byte[] json) {
		try (JsonParser parser = RecordingJson.mapper().createParser(json)) {
			if (parser.nextToken() == JsonToken.START_OBJECT) {
				String name;
				while ((name = parser.nextName()) != null) {
					JsonToken value = parser.nextToken();
					if ("type".equals(name) && value.isNumeric()) {
						return parser.getIntValue();
					}
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			return -1;
		}
		return -1;
	}

	private static void expect(boolean condition) throws IOException {
		if (!condition) {
			throw new IOException("Stored batch is not a JSON object");
		}
	}

}
