package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The current rrweb nodes of one webview's page, kept up to date with its mutations, so
 * that the page can be put back whenever the mobile side renders the webview container
 * again. Mutations that refer to nodes it does not hold are filtered out.
 */
final class WebviewContent {

	private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private final Map<Integer, ObjectNode> nodes = new HashMap<>();

	private final Map<Integer, @Nullable ObjectNode> parents = new HashMap<>();

	private ArrayNode roots = JSON.arrayNode();

	/**
	 * Replace the page.
	 * @param roots the top-level nodes, which are kept as they are
	 */
	void reset(ArrayNode roots) {
		this.nodes.clear();
		this.parents.clear();
		this.roots = roots;
		roots.forEach((root) -> register((ObjectNode) root, null));
	}

	ArrayNode copy() {
		return this.roots.deepCopy();
	}

	List<Integer> rootIds() {
		List<Integer> ids = new ArrayList<>();
		this.roots.forEach((root) -> ids.add(root.path("id").asInt()));
		return ids;
	}

	boolean contains(int id) {
		return this.nodes.containsKey(id);
	}

	/**
	 * Apply an rrweb mutation whose ids are already those of the mobile document.
	 * @param mutation the mutation data
	 * @return the part of the mutation that refers only to nodes that exist, in an order
	 * that rrweb can apply
	 */
	ObjectNode apply(JsonNode mutation) {
		RrwebMutation applied = new RrwebMutation();
		for (JsonNode remove : mutation.path("removes")) {
			ObjectNode node = this.nodes.get(remove.path("id").asInt());
			ObjectNode parent = (node != null) ? this.parents.get(node.path("id").asInt()) : null;
			if (node != null && parent != null && parent.path("id").asInt() == remove.path("parentId").asInt()) {
				children(parent).remove(indexOf(children(parent), node.path("id").asInt()));
				forget(node);
				applied.remove(remove.path("parentId").asInt(), remove.path("id").asInt());
			}
		}
		List<JsonNode> pending = new ArrayList<>();
		mutation.path("adds").forEach(pending::add);
		boolean progress = true;
		while (progress && !pending.isEmpty()) {
			progress = pending.removeIf((add) -> add(add, applied));
		}
		for (JsonNode text : mutation.path("texts")) {
			ObjectNode node = this.nodes.get(text.path("id").asInt());
			if (node != null) {
				node.put("textContent", text.path("value").asString(""));
				applied.text(text.path("id").asInt(), text.path("value"));
			}
		}
		for (JsonNode attributes : mutation.path("attributes")) {
			ObjectNode node = this.nodes.get(attributes.path("id").asInt());
			if (node != null && node.path("attributes") instanceof ObjectNode values) {
				attributes.path("attributes").properties().forEach((entry) -> {
					if (entry.getValue().isNull()) {
						values.remove(entry.getKey());
					}
					else {
						values.set(entry.getKey(), entry.getValue());
					}
				});
				applied.attributes(attributes.path("id").asInt(), attributes.path("attributes"));
			}
		}
		return applied.data();
	}

	private boolean add(JsonNode add, RrwebMutation applied) {
		ObjectNode parent = this.nodes.get(add.path("parentId").asInt());
		boolean hasNext = add.path("nextId").isIntegralNumber();
		if (parent == null || !(add.path("node") instanceof ObjectNode node)
				|| (hasNext && !this.nodes.containsKey(add.path("nextId").asInt()))) {
			return false;
		}
		if (this.nodes.containsKey(node.path("id").asInt())) {
			return true;
		}
		ArrayNode children = children(parent);
		int index = hasNext ? indexOf(children, add.path("nextId").asInt()) : -1;
		if (index < 0) {
			children.add(node.deepCopy());
		}
		else {
			children.insert(index, node.deepCopy());
		}
		register((ObjectNode) children.get((index < 0) ? children.size() - 1 : index), parent);
		applied.add(parent.path("id").asInt(), (index >= 0) ? add.path("nextId").asInt() : null, node.deepCopy());
		return true;
	}

	private void register(ObjectNode node, @Nullable ObjectNode parent) {
		this.nodes.put(node.path("id").asInt(), node);
		this.parents.put(node.path("id").asInt(), parent);
		node.path("childNodes").forEach((child) -> register((ObjectNode) child, node));
	}

	private void forget(JsonNode node) {
		this.nodes.remove(node.path("id").asInt());
		this.parents.remove(node.path("id").asInt());
		node.path("childNodes").forEach(this::forget);
	}

	private static ArrayNode children(ObjectNode node) {
		return (node.get("childNodes") instanceof ArrayNode children) ? children : node.putArray("childNodes");
	}

	private static int indexOf(ArrayNode children, int id) {
		for (int i = 0; i < children.size(); i++) {
			if (children.get(i).path("id").asInt() == id) {
				return i;
			}
		}
		return -1;
	}

}
