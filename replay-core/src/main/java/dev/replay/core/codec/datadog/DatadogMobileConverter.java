package dev.replay.core.codec.datadog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts one Datadog mobile session's replay records, segment by segment in
 * {@code start} order, into rrweb events.
 * <p>
 * Placeholder until the wireframe conversion lands: only the Meta records are converted,
 * so that a mobile session answers with a well-formed event stream.
 */
public final class DatadogMobileConverter {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final int META = 4;

	private final Function<String, String> resourceUrl;

	/**
	 * Create a converter for one session.
	 * @param resourceUrl maps an image resource id to the URL the player loads it from
	 */
	public DatadogMobileConverter(Function<String, String> resourceUrl) {
		this.resourceUrl = Objects.requireNonNull(resourceUrl, "'resourceUrl' must not be null");
	}

	/**
	 * Convert one segment.
	 * @param inflatedSegment the zlib-inflated segment JSON; not closed by this method
	 * @param sink receives each rrweb event as UTF-8 JSON bytes, in order
	 * @throws IOException if reading the stream fails
	 * @throws DatadogFormatException if the segment is not valid JSON or has no
	 * {@code records} array
	 */
	public void convertSegment(InputStream inflatedSegment, Consumer<byte[]> sink) throws IOException {
		Objects.requireNonNull(inflatedSegment, "'inflatedSegment' must not be null");
		Objects.requireNonNull(sink, "'sink' must not be null");
		try (JsonParser parser = MAPPER.createParser(inflatedSegment)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new DatadogFormatException("Segment must be a JSON object");
			}
			boolean recordsSeen = false;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				if ("records".equals(name) && value == JsonToken.START_ARRAY) {
					recordsSeen = true;
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						convertRecord(MAPPER.readTree(parser), sink);
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (!recordsSeen) {
				throw new DatadogFormatException("Segment has no 'records' array");
			}
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (JacksonException ex) {
			throw new DatadogFormatException("Segment is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The URL of an image resource, as the player loads it.
	 * @param resourceId the resource id
	 * @return the URL
	 */
	String resourceUrl(String resourceId) {
		return this.resourceUrl.apply(resourceId);
	}

	private static void convertRecord(JsonNode record, Consumer<byte[]> sink) {
		if (record.path("type").asInt(-1) != META) {
			return;
		}
		JsonNode data = record.path("data");
		ObjectNode meta = MAPPER.createObjectNode();
		meta.put("type", META);
		meta.putObject("data")
			.put("href", data.path("href").asString(""))
			.put("width", data.path("width").asInt())
			.put("height", data.path("height").asInt());
		meta.put("timestamp", record.path("timestamp").asLong());
		sink.accept(MAPPER.writeValueAsBytes(meta));
	}

}
