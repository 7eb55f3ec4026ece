package dev.replay.core.datadog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.replay.core.compression.CorruptCompressionException;
import dev.replay.core.compression.InflatedSizeLimitExceededException;
import dev.replay.core.event.EventType;
import dev.replay.core.rrweb.EventsSummary;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.DatadogSegment;
import dev.replay.core.segment.EpochMillis;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.core.segment.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Checks the structure of an inflated Datadog replay segment (browser or mobile) in one
 * streaming pass, keeping only its metadata and the figures of its records.
 */
public final class DatadogSegmentReader {

	private static final int MAX_VIOLATIONS = 20;

	private static final int MAX_HREF_LENGTH = 2048;

	private static final int MOBILE_FULL_SNAPSHOT = 10;

	private DatadogSegmentReader() {
	}

	/**
	 * Read a segment.
	 * @param json the inflated segment, a JSON object with a {@code records} array
	 * @return the segment, or the violations that make it unusable
	 * @throws IOException when reading fails, including
	 * {@link InflatedSizeLimitExceededException} and {@link CorruptCompressionException}
	 */
	public static Result read(InputStream json) throws IOException {
		Reader reader = new Reader();
		try (JsonParser parser = RecordingJson.mapper().createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Result.rejected(new Violation("$", "must be a JSON object"));
			}
			reader.read(parser);
			if (parser.nextToken() != null) {
				reader.violation("$", "must hold one JSON object only");
			}
		}
		catch (JacksonException ex) {
			RecordingJson.rethrowIoCause(ex);
			return Result.rejected(new Violation("$", "is not valid JSON"));
		}
		return reader.result();
	}

	/**
	 * The outcome of reading a segment.
	 *
	 * @param segment the segment when it is usable
	 * @param violations why it is not, empty when it is
	 */
	public record Result(@Nullable DatadogSegment segment, List<Violation> violations) {

		static Result rejected(Violation violation) {
			return new Result(null, List.of(violation));
		}

	}

	private static final class Reader {

		private final List<Violation> violations = new ArrayList<>();

		private @Nullable String applicationId;

		private @Nullable String sessionId;

		private @Nullable String viewId;

		private @Nullable Long start;

		private @Nullable Long end;

		private @Nullable Integer recordsCount;

		private @Nullable String href;

		private boolean recordsSeen;

		private final EventsSummary records = new EventsSummary(
				(type) -> type == EventType.FULL_SNAPSHOT.code() || type == MOBILE_FULL_SNAPSHOT);

		// the href of the record being read, kept when the record is a usable meta record
		private @Nullable String recordHref;

		private final Consumer<JsonParser> hrefReader = (parser) -> this.recordHref = href(parser);

		void read(JsonParser parser) {
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "records" -> readRecords(parser, value);
					case "application" -> this.applicationId = id(parser, value, name);
					case "session" -> this.sessionId = id(parser, value, name);
					case "view" -> this.viewId = id(parser, value, name);
					case "start" -> this.start = millis(parser, value, name);
					case "end" -> this.end = millis(parser, value, name);
					case "records_count" -> {
						Long declared = number(parser, value, name);
						this.recordsCount = (declared != null) ? (int) Math.min(declared, Integer.MAX_VALUE) : null;
					}
					default -> parser.skipChildren();
				}
			}
		}

		private void readRecords(JsonParser parser, JsonToken value) {
			this.recordsSeen = true;
			if (value != JsonToken.START_ARRAY) {
				violation("records", "must be an array of records");
				parser.skipChildren();
				return;
			}
			int index = 0;
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				String problem = readRecord(parser, token);
				if (problem != null) {
					violation("records[" + index + "]", problem);
				}
				index++;
			}
		}

		private @Nullable String readRecord(JsonParser parser, JsonToken token) {
			this.recordHref = null;
			String problem = this.records.read(parser, token, (this.href == null) ? this.hrefReader : null);
			if (problem == null && this.records.lastType() == EventType.META.code() && this.recordHref != null) {
				this.href = this.recordHref;
			}
			return problem;
		}

		// reads the top level of a record's data object, keeping only a string 'href'
		private static @Nullable String href(JsonParser parser) {
			String href = null;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				if ("href".equals(name) && value == JsonToken.VALUE_STRING) {
					String text = parser.getString();
					href = ClientText
						.storable((text.length() > MAX_HREF_LENGTH) ? text.substring(0, MAX_HREF_LENGTH) : text);
				}
				else {
					parser.skipChildren();
				}
			}
			return href;
		}

		private @Nullable String id(JsonParser parser, JsonToken value, String name) {
			if (value != JsonToken.START_OBJECT) {
				if (value != JsonToken.VALUE_NULL) {
					violation(name, "must be an object with an 'id'");
				}
				parser.skipChildren();
				return null;
			}
			String id = null;
			String field;
			while ((field = parser.nextName()) != null) {
				JsonToken token = parser.nextToken();
				if ("id".equals(field) && token == JsonToken.VALUE_STRING) {
					id = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
			return id;
		}

		private @Nullable Long millis(JsonParser parser, JsonToken value, String name) {
			if (value.isNumeric() && !EpochMillis.isValid(parser.getDoubleValue())) {
				violation(name, EpochMillis.RANGE);
				return null;
			}
			return number(parser, value, name);
		}

		private @Nullable Long number(JsonParser parser, JsonToken value, String name) {
			if (value.isNumeric()) {
				return (long) parser.getDoubleValue();
			}
			if (value != JsonToken.VALUE_NULL) {
				violation(name, "must be a number");
			}
			parser.skipChildren();
			return null;
		}

		void violation(String path, String message) {
			if (this.violations.size() < MAX_VIOLATIONS) {
				this.violations.add(new Violation(path, message));
			}
		}

		Result result() {
			if (!this.recordsSeen) {
				violation("records", "is required");
			}
			else if (this.records.count() == 0 && this.violations.isEmpty()) {
				violation("records", "must not be empty");
			}
			if (!this.violations.isEmpty()) {
				return new Result(null, List.copyOf(this.violations));
			}
			SegmentSummary summary = this.records.summary();
			return new Result(new DatadogSegment(this.applicationId, this.sessionId, this.viewId, this.start, this.end,
					this.recordsCount, summary, this.href), List.of());
		}

	}

}
