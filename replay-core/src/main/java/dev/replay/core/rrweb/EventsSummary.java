package dev.replay.core.rrweb;

import dev.replay.core.event.EventType;
import dev.replay.core.segment.EpochMillis;
import dev.replay.core.segment.SegmentSummary;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads rrweb events one at a time, checking that each has a type and a timestamp and
 * keeping only the figures of a {@link SegmentSummary}.
 */
final class EventsSummary {

	private long first = Long.MAX_VALUE;

	private long last = Long.MIN_VALUE;

	private int count;

	private boolean fullSnapshot;

	/**
	 * Read the event at the parser's current token and skip past it.
	 * @param parser the parser, positioned on the event's first token
	 * @param token that first token
	 * @return a problem with the event, or {@code null} when it is usable
	 */
	@Nullable String read(JsonParser parser, JsonToken token) {
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
		this.fullSnapshot |= type == EventType.FULL_SNAPSHOT.code();
		this.count++;
		return null;
	}

	int count() {
		return this.count;
	}

	SegmentSummary summary() {
		return new SegmentSummary(this.first, this.last, this.count, this.fullSnapshot);
	}

}
