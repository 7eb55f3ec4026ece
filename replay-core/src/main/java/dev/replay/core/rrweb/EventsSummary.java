package dev.replay.core.rrweb;

import java.util.function.Consumer;
import java.util.function.IntPredicate;

import dev.replay.core.event.EventType;
import dev.replay.core.segment.EpochMillis;
import dev.replay.core.segment.SegmentSummary;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads recorded events one at a time (rrweb events, Datadog records: both have a numeric
 * {@code type} and {@code timestamp}), checking that each has a type and a timestamp and
 * keeping only the figures of a {@link SegmentSummary}.
 */
public final class EventsSummary {

	private final IntPredicate fullSnapshotType;

	private long first = Long.MAX_VALUE;

	private long last = Long.MIN_VALUE;

	private int count;

	private boolean fullSnapshot;

	private int lastType;

	/**
	 * A summary of rrweb events, where type 2 is a full snapshot.
	 */
	public EventsSummary() {
		this((type) -> type == EventType.FULL_SNAPSHOT.code());
	}

	/**
	 * A summary of events whose full snapshots have other types.
	 * @param fullSnapshotType whether a type is a full snapshot's
	 */
	public EventsSummary(IntPredicate fullSnapshotType) {
		this.fullSnapshotType = fullSnapshotType;
	}

	/**
	 * Read the event at the parser's current token and skip past it.
	 * @param parser the parser, positioned on the event's first token
	 * @param token that first token
	 * @return a problem with the event, or {@code null} when it is usable
	 */
	public @Nullable String read(JsonParser parser, JsonToken token) {
		return read(parser, token, null);
	}

	/**
	 * Read the event at the parser's current token and skip past it, handing its
	 * {@code data} object to a reader of its own.
	 * @param parser the parser, positioned on the event's first token
	 * @param token that first token
	 * @param data reads the {@code data} object, from its start to its end token, or
	 * {@code null} to skip it
	 * @return a problem with the event, or {@code null} when it is usable
	 */
	public @Nullable String read(JsonParser parser, JsonToken token, @Nullable Consumer<JsonParser> data) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return "must be an object";
		}
		Long timestamp = null;
		Integer type = null;
		boolean outOfRange = false;
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			if ("timestamp".equals(name) && value.isNumeric()) {
				double millis = parser.getDoubleValue();
				outOfRange = !EpochMillis.isValid(millis);
				timestamp = (long) millis;
			}
			else if ("type".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
				type = parser.getIntValue();
			}
			else if (data != null && "data".equals(name) && value == JsonToken.START_OBJECT) {
				data.accept(parser);
			}
			else {
				parser.skipChildren();
			}
		}
		if (timestamp == null || type == null) {
			return "must have a numeric 'type' and 'timestamp'";
		}
		if (outOfRange) {
			return "'timestamp' " + EpochMillis.RANGE;
		}
		this.first = Math.min(this.first, timestamp);
		this.last = Math.max(this.last, timestamp);
		this.fullSnapshot |= this.fullSnapshotType.test(type);
		this.lastType = type;
		this.count++;
		return null;
	}

	/**
	 * The type of the last usable event read.
	 * @return its type
	 */
	public int lastType() {
		return this.lastType;
	}

	public int count() {
		return this.count;
	}

	public SegmentSummary summary() {
		return new SegmentSummary(this.first, this.last, this.count, this.fullSnapshot);
	}

}
