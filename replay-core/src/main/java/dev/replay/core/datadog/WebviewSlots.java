package dev.replay.core.datadog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webviews of a mobile session by {@code slotId}: routes the browser records recorded
 * inside them to their page and tells each page where its container is.
 */
final class WebviewSlots {

	private static final int IDS_PER_SLOT = 10_000_000;

	private static final int MAX_SLOT_RANGES = 200;

	private final Map<String, WebviewSlot> slots = new LinkedHashMap<>();

	/**
	 * Convert a browser record of a webview.
	 * @param slotId the webview's slot id
	 * @param record the browser record
	 * @param out receives the rrweb events
	 */
	void convert(String slotId, JsonNode record, Consumer<ObjectNode> out) {
		slot(slotId).convert(record, out);
	}

	/**
	 * Note that a webview wireframe is rendered.
	 * @param wireframe the webview wireframe
	 * @param containerId the rrweb id of its element
	 * @return the nodes to put into the element
	 */
	ArrayNode mounted(ObjectNode wireframe, int containerId) {
		return slot(wireframe.path("slotId").asString("")).mounted(containerId, wireframe.path("x").asInt(),
				wireframe.path("y").asInt());
	}

	void unmounted(ObjectNode wireframe) {
		slot(wireframe.path("slotId").asString("")).unmounted();
	}

	void unmountAll() {
		this.slots.values().forEach(WebviewSlot::unmounted);
	}

	private WebviewSlot slot(String slotId) {
		return this.slots.computeIfAbsent(slotId,
				(id) -> new WebviewSlot(id, IDS_PER_SLOT * (1 + this.slots.size() % MAX_SLOT_RANGES)));
	}

}
