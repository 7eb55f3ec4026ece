package dev.replay.core.datadog;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams the records of an inflated Datadog segment ({@code {"records":[...],
 * "view":{"id":..}, ...}}) one at a time, browser and mobile alike.
 */
final class SegmentReader {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private SegmentReader() {
	}

	/**
	 * Read a segment.
	 * @param segment the segment JSON; not closed by this method
	 * @param records receives each record in the order of the array
	 * @param views receives the segment's view id and whether the records came before it
	 * @throws IOException if reading the stream fails
	 * @throws DatadogFormatException if the segment is not valid JSON or has no
	 * {@code records} array
	 */
	static void read(InputStream segment, Consumer<JsonNode> records, ViewListener views) throws IOException {
		try (JsonParser parser = MAPPER.createParser(segment)) {
			readSegment(parser, records, views);
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			throw new DatadogFormatException("Segment is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private static void readSegment(JsonParser parser, Consumer<JsonNode> records, ViewListener views) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			throw new DatadogFormatException("Segment must be a JSON object");
		}
		boolean recordsSeen = false;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("records".equals(name)) {
				if (value != JsonToken.START_ARRAY) {
					throw new DatadogFormatException("Segment 'records' must be an array");
				}
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					records.accept(MAPPER.readTree(parser));
				}
				recordsSeen = true;
			}
			else if ("view".equals(name)) {
				views.view(MAPPER.readTree(parser).path("id").asString(""), recordsSeen);
			}
			else {
				parser.skipChildren();
			}
		}
		if (!recordsSeen) {
			throw new DatadogFormatException("Segment has no 'records' array");
		}
	}

	/**
	 * Checks that a record has an integer type and a numeric timestamp.
	 * @param record the record
	 * @throws DatadogFormatException if it has not
	 */
	static void checkRecord(JsonNode record) {
		if (!record.path("type").isIntegralNumber() || !record.path("timestamp").isNumber()) {
			throw new DatadogFormatException("Record needs an integer 'type' and a numeric 'timestamp'");
		}
	}

	/**
	 * Receives the view id of a segment.
	 */
	@FunctionalInterface
	interface ViewListener {

		/**
		 * Called with the segment's view id.
		 * @param viewId the view id, empty if the segment has none
		 * @param recordsSeen whether the records came before the view
		 */
		void view(String viewId, boolean recordsSeen);

	}

}
