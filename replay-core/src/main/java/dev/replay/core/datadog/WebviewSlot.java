package dev.replay.core.datadog;

import java.util.function.Consumer;

import dev.replay.core.event.EventType;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web page shown in one mobile webview ({@code slotId}): converts the page's browser
 * records with the browser converter and moves the resulting rrweb nodes into the webview
 * container of the mobile document, with ids shifted into a range of their own and the
 * page's {@code html}, {@code head} and {@code body} turned into divs.
 */
final class WebviewSlot {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final String slotId;

	private final int idBase;

	private final DatadogReplayConverter browser = new DatadogReplayConverter();

	private final WebviewContent content = new WebviewContent();

	private int documentId = Integer.MIN_VALUE;

	private @Nullable Integer containerId;

	private int x;

	private int y;

	WebviewSlot(String slotId, int idBase) {
		this.slotId = slotId;
		this.idBase = idBase;
	}

	/**
	 * Note that the webview container is in the mobile document.
	 * @param containerId the rrweb id of the container
	 * @param x the container's left edge on the screen
	 * @param y the container's top edge on the screen
	 * @return copies of the page's current nodes, to put into the container
	 */
	ArrayNode mounted(int containerId, int x, int y) {
		this.x = x;
		this.y = y;
		if (this.containerId != null && this.containerId == containerId) {
			return JSON.arrayNode();
		}
		this.containerId = containerId;
		return this.content.copy();
	}

	void unmounted() {
		this.containerId = null;
	}

	/**
	 * Convert one browser record of the page.
	 * @param record the Datadog browser record
	 * @param out receives the rrweb events for the mobile document
	 */
	void convert(JsonNode record, Consumer<ObjectNode> out) {
		this.browser.convertRecord(record, (event) -> translate(event, out));
	}

	private void translate(ObjectNode event, Consumer<ObjectNode> out) {
		long timestamp = event.path("timestamp").asLong();
		JsonNode data = event.path("data");
		switch (EventType.fromCode(event.path("type").asInt())) {
			case META -> out.accept(RrwebEvents.custom(timestamp, "webview-meta", withSlot(data)));
			case FULL_SNAPSHOT -> snapshot(data.path("node"), timestamp, out);
			case INCREMENTAL_SNAPSHOT -> incremental((ObjectNode) data, timestamp, out);
			default -> {
				if (data instanceof ObjectNode custom) {
					custom.put("slotId", this.slotId);
				}
				out.accept(event);
			}
		}
	}

	private void snapshot(JsonNode document, long timestamp, Consumer<ObjectNode> out) {
		this.documentId = document.path("id").asInt();
		ArrayNode roots = JSON.arrayNode();
		for (JsonNode child : document.path("childNodes")) {
			if (child.path("type").asInt() != 1) {
				roots.add(shift(child));
			}
		}
		Integer container = this.containerId;
		if (container != null) {
			RrwebMutation mutation = new RrwebMutation();
			this.content.rootIds().forEach((id) -> mutation.remove(container, id));
			roots.forEach((root) -> mutation.add(container, null, root.deepCopy()));
			out.accept(RrwebEvents.incremental(timestamp, mutation.data()));
		}
		this.content.reset(roots);
	}

	private void incremental(ObjectNode data, long timestamp, Consumer<ObjectNode> out) {
		int source = data.path("source").asInt();
		if (source == RrwebEvents.MUTATION) {
			RrwebMutation shifted = new RrwebMutation();
			data.path("adds")
				.forEach((add) -> shifted.add(id(add.path("parentId")),
						add.path("nextId").isIntegralNumber() ? id(add.path("nextId")) : null,
						shift(add.path("node"))));
			data.path("removes")
				.forEach((remove) -> shifted.remove(id(remove.path("parentId")), id(remove.path("id"))));
			data.path("texts").forEach((text) -> shifted.text(id(text.path("id")), text.path("value")));
			data.path("attributes")
				.forEach((attributes) -> shifted.attributes(id(attributes.path("id")), attributes.path("attributes")));
			ObjectNode applied = this.content.apply(shifted.data());
			if (this.containerId != null) {
				out.accept(RrwebEvents.incremental(timestamp, applied));
			}
			return;
		}
		if (source == RrwebEvents.VIEWPORT_RESIZE) {
			out.accept(RrwebEvents.custom(timestamp, "webview-viewport-resize", withSlot(data)));
			return;
		}
		if (this.containerId == null || !shiftTarget(data, "id") || !shiftPositions(data)) {
			return;
		}
		if (data.path("x").isNumber() && data.path("y").isNumber()) {
			data.put("x", data.path("x").asDouble() + this.x).put("y", data.path("y").asDouble() + this.y);
		}
		out.accept(RrwebEvents.incremental(timestamp, data));
	}

	private boolean shiftTarget(ObjectNode node, String field) {
		if (!node.path(field).isIntegralNumber()) {
			return true;
		}
		int shifted = (node.path(field).asInt() == this.documentId) ? firstRoot() : id(node.path(field));
		node.put(field, shifted);
		return this.content.contains(shifted);
	}

	private boolean shiftPositions(ObjectNode data) {
		for (JsonNode position : data.path("positions")) {
			if (!(position instanceof ObjectNode shifted) || !shiftTarget(shifted, "id")) {
				return false;
			}
			shifted.put("x", shifted.path("x").asDouble() + this.x).put("y", shifted.path("y").asDouble() + this.y);
		}
		return true;
	}

	private int firstRoot() {
		return this.content.rootIds().stream().findFirst().orElse(Integer.MIN_VALUE);
	}

	private int id(JsonNode id) {
		return this.idBase + id.asInt();
	}

	private ObjectNode shift(JsonNode node) {
		if (!node.isObject()) {
			throw new DatadogFormatException("Webview node must be an object");
		}
		ObjectNode shifted = ((ObjectNode) node).deepCopy();
		shifted.put("id", id(node.path("id")));
		String tagName = node.path("tagName").asString("");
		if ("html".equals(tagName) || "head".equals(tagName) || "body".equals(tagName)) {
			String recordedClass = node.path("attributes").path("class").asString("");
			shifted.put("tagName", "div");
			ObjectNode attributes = (shifted.get("attributes") instanceof ObjectNode values) ? values
					: shifted.putObject("attributes");
			attributes.put("class", ("dd-webview-" + tagName + " " + recordedClass).trim());
		}
		if (node.path("childNodes").isArray()) {
			ArrayNode children = shifted.putArray("childNodes");
			node.path("childNodes").forEach((child) -> children.add(shift(child)));
		}
		return shifted;
	}

	private ObjectNode withSlot(JsonNode data) {
		ObjectNode payload = (data instanceof ObjectNode object) ? object.deepCopy() : JSON.objectNode();
		return payload.put("slotId", this.slotId);
	}

}
