package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;

import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.segment.DatadogSegmentMetadata;
import dev.replay.core.segment.EpochMillis;
import dev.replay.core.segment.Violation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code event} part of a Datadog replay upload: one metadata object (browser),
 * an array of them in the order of the segment parts (mobile), or the
 * {@code {"type":"resource"}} object of an image upload.
 */
public final class DatadogEventReader {

	private DatadogEventReader() {
	}

	/**
	 * Read an {@code event} part.
	 * @param json the part's bytes
	 * @return the event, or the violations that make it unusable
	 */
	public static Result read(byte[] json) {
		JsonNode root;
		try {
			root = RecordingJson.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			return Result.rejected(new Violation("event", "is not valid JSON"));
		}
		if (root == null || root.isMissingNode()) {
			return Result.rejected(new Violation("event", "is empty"));
		}
		if (root.isObject() && "resource".equals(root.path("type").asString(""))) {
			String applicationId = text(root.path("application").path("id"));
			if (applicationId == null) {
				return Result.rejected(new Violation("event.application.id", "is required"));
			}
			return new Result(new Resources(applicationId), List.of());
		}
		List<Violation> violations = new ArrayList<>();
		List<DatadogSegmentMetadata> segments = new ArrayList<>();
		if (root.isObject()) {
			add(segments, metadata(root, "event", violations));
		}
		else if (root.isArray()) {
			int index = 0;
			for (JsonNode item : root) {
				add(segments, metadata(item, "event[" + index++ + "]", violations));
			}
		}
		else {
			return Result.rejected(new Violation("event", "must be a JSON object or array"));
		}
		if (!violations.isEmpty()) {
			return new Result(null, List.copyOf(violations));
		}
		return new Result(new Segments(root.isArray(), List.copyOf(segments)), List.of());
	}

	private static void add(List<DatadogSegmentMetadata> segments, @Nullable DatadogSegmentMetadata metadata) {
		if (metadata != null) {
			segments.add(metadata);
		}
	}

	private static @Nullable DatadogSegmentMetadata metadata(JsonNode node, String path, List<Violation> violations) {
		if (!node.isObject()) {
			violations.add(new Violation(path, "must be an object"));
			return null;
		}
		int before = violations.size();
		String applicationId = required(text(node.path("application").path("id")), path + ".application.id",
				violations);
		String sessionId = required(text(node.path("session").path("id")), path + ".session.id", violations);
		String viewId = required(text(node.path("view").path("id")), path + ".view.id", violations);
		String source = required(text(node.path("source")), path + ".source", violations);
		Long start = millis(node.path("start"), path + ".start", violations);
		Long end = millis(node.path("end"), path + ".end", violations);
		Long count = integer(node.path("records_count"), path + ".records_count", violations);
		JsonNode index = node.path("index_in_view");
		Integer indexInView = (index.isIntegralNumber() && index.canConvertToInt()) ? index.asInt() : null;
		if (violations.size() > before || applicationId == null || sessionId == null || viewId == null || source == null
				|| start == null || end == null || count == null) {
			return null;
		}
		if (end < start) {
			violations.add(new Violation(path + ".end", "must not be before 'start'"));
			return null;
		}
		if (count < 0 || count > Integer.MAX_VALUE) {
			violations.add(new Violation(path + ".records_count", "must be a non-negative integer"));
			return null;
		}
		return new DatadogSegmentMetadata(applicationId, sessionId, viewId, start, end, count.intValue(),
				node.path("has_full_snapshot").asBoolean(false), source, indexInView);
	}

	private static @Nullable String text(JsonNode node) {
		return (node.isString() && !node.asString().isEmpty()) ? node.asString() : null;
	}

	private static @Nullable String required(@Nullable String value, String path, List<Violation> violations) {
		if (value == null) {
			violations.add(new Violation(path, "is required"));
		}
		return value;
	}

	private static @Nullable Long millis(JsonNode node, String path, List<Violation> violations) {
		Long millis = integer(node, path, violations);
		if (millis != null && !EpochMillis.isValid(millis)) {
			violations.add(new Violation(path, EpochMillis.RANGE));
			return null;
		}
		return millis;
	}

	private static @Nullable Long integer(JsonNode node, String path, List<Violation> violations) {
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.asLong();
		}
		violations.add(new Violation(path, "must be an integer"));
		return null;
	}

	/**
	 * The outcome of reading an {@code event} part.
	 *
	 * @param event the event when it is usable
	 * @param violations why it is not, empty when it is
	 */
	public record Result(@Nullable Event event, List<Violation> violations) {

		static Result rejected(Violation violation) {
			return new Result(null, List.of(violation));
		}

	}

	/**
	 * What an {@code event} part announces.
	 */
	public sealed interface Event permits Segments, Resources {

	}

	/**
	 * Metadata of segment parts.
	 *
	 * @param array whether the part was a JSON array (mobile SDKs) rather than one object
	 * (browser SDK)
	 * @param segments one metadata object per segment part, in part order
	 */
	public record Segments(boolean array, List<DatadogSegmentMetadata> segments) implements Event {

	}

	/**
	 * An upload of image resources.
	 *
	 * @param applicationId the application the images belong to
	 */
	public record Resources(String applicationId) implements Event {

	}

}
