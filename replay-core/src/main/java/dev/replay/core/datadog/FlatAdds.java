package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;

import dev.replay.core.event.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rewrites the {@code adds} of an rrweb mutation so that every added node is an entry of
 * its own: rrweb's replayer builds an added node without its {@code childNodes}
 * ({@code skipChild}), while Datadog serializes each added subtree whole. Each node comes
 * after its parent and after its next sibling, so every {@code parentId} and
 * {@code nextId} refers to a node that is already there.
 */
final class FlatAdds {

	private FlatAdds() {
	}

	/**
	 * Flatten the adds of a mutation event; other events are returned unchanged.
	 * @param event an rrweb event
	 * @return the same event, its adds rewritten in place
	 */
	static ObjectNode flatten(ObjectNode event) {
		if (event.path("type").asInt() != EventType.INCREMENTAL_SNAPSHOT.code()
				|| !(event.path("data") instanceof ObjectNode data)
				|| data.path("source").asInt(-1) != RrwebEvents.MUTATION
				|| !(data.path("adds") instanceof ArrayNode adds) || !hasChildren(adds)) {
			return event;
		}
		ArrayNode flat = JsonNodeFactory.instance.arrayNode();
		for (JsonNode add : adds) {
			if (add instanceof ObjectNode entry && entry.path("node") instanceof ObjectNode node) {
				flat.add(entry);
				addDescendants(node, flat);
			}
			else {
				flat.add(add);
			}
		}
		data.set("adds", flat);
		return event;
	}

	private static boolean hasChildren(ArrayNode adds) {
		for (JsonNode add : adds) {
			if (!add.path("node").path("childNodes").isEmpty()) {
				return true;
			}
		}
		return false;
	}

	private static void addDescendants(ObjectNode node, ArrayNode flat) {
		if (!(node.path("childNodes") instanceof ArrayNode children) || children.isEmpty()) {
			return;
		}
		node.set("childNodes", JsonNodeFactory.instance.arrayNode());
		List<ObjectNode> entries = new ArrayList<>();
		for (int i = children.size() - 1; i >= 0; i--) {
			if (children.get(i) instanceof ObjectNode child) {
				ObjectNode entry = JsonNodeFactory.instance.objectNode().put("parentId", node.path("id").asInt());
				JsonNode next = (i + 1 < children.size()) ? children.get(i + 1).path("id") : null;
				if (next != null && next.isNumber()) {
					entry.put("nextId", next.asInt());
				}
				else {
					entry.putNull("nextId");
				}
				entry.set("node", child);
				entries.add(entry);
			}
		}
		for (ObjectNode entry : entries) {
			flat.add(entry);
			addDescendants((ObjectNode) entry.get("node"), flat);
		}
	}

}
