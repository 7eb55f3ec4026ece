package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * A tiny DOM that replays rrweb FullSnapshot, Mutation and Input events the way rrweb's
 * replayer does and notes every reference to a node that does not exist.
 */
final class ReplayDom {

	private final Map<Integer, Node> nodes = new HashMap<>();

	private final List<String> problems = new ArrayList<>();

	private Node root = new Node();

	static ReplayDom replay(List<JsonNode> events, long untilTimestamp) {
		ReplayDom dom = new ReplayDom();
		events.stream().filter((event) -> event.path("timestamp").asLong() <= untilTimestamp).forEach(dom::apply);
		return dom;
	}

	List<String> problems() {
		return this.problems;
	}

	void apply(JsonNode event) {
		int type = event.path("type").asInt();
		JsonNode data = event.path("data");
		if (type == 2) {
			this.nodes.clear();
			this.root = build(data.path("node"), null);
		}
		else if (type == 3 && data.path("source").asInt() == 0) {
			mutate(data);
		}
		else if (type == 3 && data.path("source").asInt() == 5) {
			Node input = node(data.path("id").asInt(), "input");
			if (input != null) {
				input.value = data.path("text").asString();
			}
		}
	}

	/**
	 * Return all text under {@code <body>}, with whitespace collapsed.
	 */
	String bodyText() {
		StringBuilder text = new StringBuilder();
		this.nodes.values()
			.stream()
			.filter((node) -> "body".equals(node.tagName))
			.findFirst()
			.ifPresent((body) -> appendText(body, text));
		return text.toString().replaceAll("\\s+", " ");
	}

	/**
	 * Return the document as a string that ignores node ids.
	 */
	String serialize() {
		StringBuilder out = new StringBuilder();
		serialize(this.root, out);
		return out.toString();
	}

	List<Node> elements(String tagName) {
		return this.nodes.values().stream().filter((node) -> tagName.equals(node.tagName)).toList();
	}

	private void mutate(JsonNode data) {
		for (JsonNode remove : data.path("removes")) {
			Node parent = node(remove.path("parentId").asInt(), "remove parent");
			Node target = node(remove.path("id").asInt(), "remove");
			if (target != null && parent != null) {
				parent.children.remove(target);
				forget(target);
			}
		}
		for (JsonNode add : data.path("adds")) {
			Node parent = node(add.path("parentId").asInt(), "add parent");
			Node next = add.path("nextId").isNull() ? null : node(add.path("nextId").asInt(), "add next");
			if (parent != null) {
				// like rrweb's replayer, an added node is built without its children
				Node added = build(add.path("node"), parent, false);
				int index = (next != null) ? parent.children.indexOf(next) : -1;
				parent.children.add((index >= 0) ? index : parent.children.size(), added);
			}
		}
		for (JsonNode text : data.path("texts")) {
			Node target = node(text.path("id").asInt(), "text");
			if (target != null) {
				target.text = text.path("value").asString("");
			}
		}
		for (JsonNode attributes : data.path("attributes")) {
			Node target = node(attributes.path("id").asInt(), "attributes");
			if (target != null) {
				attributes.path("attributes").properties().forEach((entry) -> {
					if (entry.getValue().isNull()) {
						target.attributes.remove(entry.getKey());
					}
					else {
						target.attributes.put(entry.getKey(), entry.getValue().asString());
					}
				});
			}
		}
	}

	private Node node(int id, String use) {
		Node node = this.nodes.get(id);
		if (node == null) {
			this.problems.add(use + " refers to missing node " + id);
		}
		return node;
	}

	private Node build(JsonNode serialized, Node parent) {
		return build(serialized, parent, true);
	}

	private Node build(JsonNode serialized, Node parent, boolean withChildren) {
		Node node = new Node();
		node.id = serialized.path("id").asInt();
		node.type = serialized.path("type").asInt();
		node.tagName = serialized.path("tagName").asString(null);
		node.text = serialized.path("textContent").asString(null);
		node.parent = parent;
		serialized.path("attributes")
			.properties()
			.forEach((entry) -> node.attributes.put(entry.getKey(),
					entry.getValue().isString() ? entry.getValue().stringValue() : entry.getValue().toString()));
		if (this.nodes.put(node.id, node) != null) {
			this.problems.add("duplicate node id " + node.id);
		}
		if (withChildren) {
			serialized.path("childNodes").forEach((child) -> node.children.add(build(child, node)));
		}
		return node;
	}

	private void forget(Node node) {
		this.nodes.remove(node.id);
		node.children.forEach(this::forget);
	}

	private void appendText(Node node, StringBuilder text) {
		if (node.type == 3) {
			text.append(node.text).append(' ');
		}
		if (node.value != null) {
			text.append(node.value).append(' ');
		}
		if (!"style".equals(node.tagName) && !"script".equals(node.tagName)) {
			node.children.forEach((child) -> appendText(child, text));
		}
	}

	private void serialize(Node node, StringBuilder out) {
		if (node.type == 3) {
			out.append('"').append(node.text).append('"');
			return;
		}
		out.append('<').append((node.tagName != null) ? node.tagName : "#" + node.type);
		new TreeMap<>(node.attributes).forEach((name, value) -> out.append(' ').append(name).append("=").append(value));
		out.append('>');
		node.children.forEach((child) -> serialize(child, out));
		out.append("</>");
	}

	/**
	 * One replayed node.
	 */
	static final class Node {

		int id;

		int type;

		String tagName;

		String text;

		String value;

		Node parent;

		final Map<String, String> attributes = new HashMap<>();

		final List<Node> children = new ArrayList<>();

	}

}
