package dev.replay.core.rrweb;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import dev.replay.core.compression.CorruptCompressionException;
import dev.replay.core.compression.InflatedSizeLimitExceededException;
import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.NativeSegment;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.core.segment.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads and validates a batch sent by our recorder script in one streaming pass, without
 * keeping its events in memory.
 */
public final class NativeSegmentReader {

	private static final int MAX_VIOLATIONS = 20;

	private static final int MAX_VIEW_ID_LENGTH = 128;

	private NativeSegmentReader() {
	}

	/**
	 * Read a batch.
	 * @param json the inflated JSON body
	 * @return the segment, or the violations that make it unusable; never {@code null}
	 * @throws IOException when reading fails, including
	 * {@link InflatedSizeLimitExceededException} and {@link CorruptCompressionException}
	 */
	public static Result read(InputStream json) throws IOException {
		Envelope envelope = new Envelope();
		try (JsonParser parser = RecordingJson.mapper().createParser(json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return Result.rejected(new Violation("$", "must be a JSON object"));
			}
			envelope.read(parser);
			if (parser.nextToken() != null) {
				envelope.violation("$", "must hold one JSON object only");
			}
		}
		catch (JacksonException ex) {
			RecordingJson.rethrowIoCause(ex);
			return Result.rejected(new Violation("$", "is not valid JSON (" + location(ex) + ")"));
		}
		return envelope.result();
	}

	private static String location(JacksonException ex) {
		return (ex.getLocation() != null)
				? "line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr()
				: "unknown position";
	}

	/**
	 * The outcome of reading a batch.
	 *
	 * @param segment the segment when it is usable
	 * @param violations why it is not, empty when it is
	 */
	public record Result(@Nullable NativeSegment segment, List<Violation> violations) {

		static Result rejected(Violation violation) {
			return new Result(null, List.of(violation));
		}

	}

	private static final class Envelope {

		private final List<Violation> violations = new ArrayList<>();

		private @Nullable String applicationId;

		private @Nullable String viewId;

		private @Nullable Integer sequence;

		private RecordingContext context = RecordingContext.EMPTY;

		private final EventsSummary events = new EventsSummary();

		private boolean eventsSeen;

		void read(JsonParser parser) {
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "applicationId" -> this.applicationId = text(parser, value, name);
					case "viewId" -> this.viewId = viewId(parser, value);
					case "sequence" -> this.sequence = sequence(parser, value);
					case "events" -> readEvents(parser, value);
					case "context" -> this.context = ContextReader.read(parser, value);
					default -> parser.skipChildren();
				}
			}
		}

		private @Nullable String text(JsonParser parser, JsonToken value, String name) {
			if (value == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			if (value != JsonToken.VALUE_NULL) {
				violation(name, "must be a string");
				parser.skipChildren();
			}
			return null;
		}

		private @Nullable String viewId(JsonParser parser, JsonToken value) {
			String viewId = text(parser, value, "viewId");
			if (viewId != null && (viewId.length() > MAX_VIEW_ID_LENGTH || ClientText.hasControl(viewId))) {
				violation("viewId", "must be at most 128 characters without control characters");
				return null;
			}
			return viewId;
		}

		private @Nullable Integer sequence(JsonParser parser, JsonToken value) {
			if (value == JsonToken.VALUE_NUMBER_INT && parser.getLongValue() >= 0
					&& parser.getLongValue() <= Integer.MAX_VALUE) {
				return parser.getIntValue();
			}
			violation("sequence", "must be an integer from 0 to " + Integer.MAX_VALUE);
			parser.skipChildren();
			return null;
		}

		private void readEvents(JsonParser parser, JsonToken value) {
			this.eventsSeen = true;
			if (value != JsonToken.START_ARRAY) {
				violation("events", "must be an array of rrweb events");
				parser.skipChildren();
				return;
			}
			int index = 0;
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				String problem = this.events.read(parser, token);
				if (problem != null) {
					violation("events[" + index + "]", problem);
				}
				index++;
			}
		}

		void violation(String path, String message) {
			if (this.violations.size() < MAX_VIOLATIONS) {
				this.violations.add(new Violation(path, message));
			}
		}

		Result result() {
			if (this.applicationId == null) {
				violation("applicationId", "is required");
			}
			if (this.sequence == null && this.violations.stream().noneMatch((v) -> v.path().equals("sequence"))) {
				violation("sequence", "is required");
			}
			if (!this.eventsSeen) {
				violation("events", "is required");
			}
			else if (this.events.count() == 0 && this.violations.isEmpty()) {
				violation("events", "must not be empty");
			}
			if (!this.violations.isEmpty() || this.applicationId == null || this.sequence == null) {
				return new Result(null, List.copyOf(this.violations));
			}
			SegmentSummary summary = this.events.summary();
			return new Result(new NativeSegment(this.applicationId, this.viewId, this.sequence, summary, this.context),
					List.of());
		}

	}

}
