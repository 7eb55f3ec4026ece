package dev.replay.core.datadog;

import dev.replay.core.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds rrweb event envelopes and holds the rrweb incremental source codes used by the
 * Datadog converters, whose incremental records share them.
 */
final class RrwebEvents {

	static final int MUTATION = 0;

	static final int MOUSE_MOVE = 1;

	static final int MOUSE_INTERACTION = 2;

	static final int SCROLL = 3;

	static final int VIEWPORT_RESIZE = 4;

	static final int INPUT = 5;

	static final int TOUCH_MOVE = 6;

	static final int MEDIA_INTERACTION = 7;

	static final int STYLE_SHEET_RULE = 8;

	static final int ADOPTED_STYLE_SHEET = 15;

	static final String UNKNOWN_TAG = "datadog-unknown";

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private RrwebEvents() {
	}

	static ObjectNode event(EventType type, long timestamp, JsonNode data) {
		ObjectNode event = JSON.objectNode();
		event.put("type", type.code());
		event.set("data", data);
		event.put("timestamp", timestamp);
		return event;
	}

	static ObjectNode incremental(long timestamp, ObjectNode data) {
		return event(EventType.INCREMENTAL_SNAPSHOT, timestamp, data);
	}

	static ObjectNode source(int source) {
		return JSON.objectNode().put("source", source);
	}

	static ObjectNode custom(long timestamp, String tag, JsonNode payload) {
		ObjectNode data = JSON.objectNode().put("tag", tag);
		data.set("payload", payload);
		return event(EventType.CUSTOM, timestamp, data);
	}

	static ObjectNode fullSnapshot(long timestamp, ObjectNode node, double left, double top) {
		ObjectNode data = JSON.objectNode();
		data.set("node", node);
		data.putObject("initialOffset").put("left", left).put("top", top);
		return event(EventType.FULL_SNAPSHOT, timestamp, data);
	}

	static ObjectNode viewport(JsonNode item) {
		return JSON.objectNode()
			.put("offsetLeft", item.path(0).asDouble())
			.put("offsetTop", item.path(1).asDouble())
			.put("pageLeft", item.path(2).asDouble())
			.put("pageTop", item.path(3).asDouble())
			.put("width", item.path(4).asDouble())
			.put("height", item.path(5).asDouble())
			.put("scale", item.path(6).asDouble());
	}

}
