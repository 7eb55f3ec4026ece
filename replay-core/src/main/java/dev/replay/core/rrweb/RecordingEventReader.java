package dev.replay.core.rrweb;

import dev.replay.core.dom.SerializedNode;
import dev.replay.core.event.EventType;
import dev.replay.core.event.RecordingEvent;
import dev.replay.core.timeline.RawEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns the JSON of rrweb events into {@link RecordingEvent} values. A tolerant reader:
 * an event of an unknown type or source, or one whose data is not as rrweb writes it,
 * becomes an {@link RecordingEvent.Other} instead of an error.
 */
public final class RecordingEventReader {

	private static final int MAX_MESSAGE = 500;

	private RecordingEventReader() {
	}

	/**
	 * Read a stored event.
	 * @param event the event
	 * @return the typed event, never {@code null}
	 */
	public static RecordingEvent read(RawEvent event) {
		try {
			return read(RecordingJson.mapper().readTree(event.json()), event.timestamp());
		}
		catch (JacksonException ex) {
			return new RecordingEvent.Other(event.timestamp(), EventType.UNKNOWN);
		}
	}

	/**
	 * Read an event tree.
	 * @param json the event
	 * @param timestamp the event's timestamp
	 * @return the typed event, never {@code null}
	 */
	static RecordingEvent read(JsonNode json, long timestamp) {
		EventType type = EventType.fromCode(json.path("type").asInt(-1));
		JsonNode data = json.path("data");
		RecordingEvent event = switch (type) {
			case META -> new RecordingEvent.Meta(timestamp, data.path("href").asString(""), data.path("width").asInt(0),
					data.path("height").asInt(0));
			case FULL_SNAPSHOT -> fullSnapshot(data, timestamp);
			case INCREMENTAL_SNAPSHOT -> new RecordingEvent.Incremental(timestamp, IncrementalDataReader.read(data));
			case CUSTOM -> custom(data, timestamp);
			case PLUGIN -> plugin(data, timestamp);
			case DOM_CONTENT_LOADED, LOAD, ASSET, UNKNOWN -> null;
		};
		// a full snapshot without a document cannot be applied: keep it as unknown
		return (event != null) ? event
				: new RecordingEvent.Other(timestamp, (type != EventType.FULL_SNAPSHOT) ? type : EventType.UNKNOWN);
	}

	private static RecordingEvent.@Nullable FullSnapshot fullSnapshot(JsonNode data, long timestamp) {
		SerializedNode node = SerializedNodeJson.read(data.path("node"));
		if (!(node instanceof SerializedNode.Document document)) {
			return null;
		}
		JsonNode offset = data.path("initialOffset");
		return new RecordingEvent.FullSnapshot(timestamp, document, offset.path("left").asDouble(0),
				offset.path("top").asDouble(0));
	}

	private static RecordingEvent custom(JsonNode data, long timestamp) {
		String tag = data.path("tag").asString("");
		JsonNode url = data.path("payload").path("url");
		return new RecordingEvent.Custom(timestamp, tag, message(data.path("payload")),
				(RecordingEvent.Custom.NAVIGATION.equals(tag) && url.isString() && !url.stringValue().isEmpty())
						? url.stringValue() : null);
	}

	private static RecordingEvent plugin(JsonNode data, long timestamp) {
		JsonNode payload = data.path("payload");
		String level = payload.path("level").isString() ? payload.path("level").stringValue() : null;
		JsonNode message = payload.has("payload") ? payload.path("payload") : payload.path("message");
		return new RecordingEvent.Plugin(timestamp, data.path("plugin").asString(""), level, message(message));
	}

	// A short text for a payload: a string as it is, an array of strings
	// joined, anything else as JSON.
	private static @Nullable String message(JsonNode payload) {
		if (payload.isMissingNode() || payload.isNull()) {
			return null;
		}
		String text;
		if (payload.isString()) {
			text = payload.stringValue();
		}
		else if (payload.isArray()) {
			StringBuilder joined = new StringBuilder();
			for (JsonNode item : payload) {
				joined.append(joined.isEmpty() ? "" : " ")
					.append(item.isString() ? item.stringValue() : item.toString());
			}
			text = joined.toString();
		}
		else {
			text = payload.toString();
		}
		return (text.length() > MAX_MESSAGE) ? text.substring(0, MAX_MESSAGE) : text;
	}

}
