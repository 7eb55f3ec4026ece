package dev.replay.core.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * A tiny DOM, written apart from the production page state, that replays rrweb events and
 * renders what a viewer would see as one canonical string: the tree with ids, tags,
 * attributes and texts, each input's value and checked state, each scroll position and
 * each style sheet's rules, whether they were recorded as events or as a keyframe's
 * attributes ({@code value}, {@code checked}, {@code rr_scrollLeft/Top},
 * {@code _cssText}, a style's text, {@code initialOffset}). Whitespace inside CSS is
 * normalized, since rules written back by a keyframe are reformatted; nothing else is.
 */
final class ReplayedPage {

	private final Map<Integer, Node> nodes = new HashMap<>();

	private final Map<Integer, List<String>> adoptedSheets = new TreeMap<>();

	private final Map<Integer, List<Integer>> adoptions = new TreeMap<>();

	private Node document = new Node();

	private String meta = "";

	static ReplayedPage of(List<JsonNode> events) {
		ReplayedPage page = new ReplayedPage();
		events.forEach(page::apply);
		return page;
	}

	void apply(JsonNode event) {
		JsonNode data = event.path("data");
		switch (event.path("type").asInt()) {
			case 4 -> this.meta = data.path("href").asString() + " " + data.path("width") + "x" + data.path("height");
			case 2 -> {
				this.nodes.clear();
				this.adoptedSheets.clear();
				this.adoptions.clear();
				this.document = build(data.path("node"), null, false);
				this.document.scroll = data.path("initialOffset").path("left").asDouble() + ","
						+ data.path("initialOffset").path("top").asDouble();
			}
			case 3 -> incremental(data);
			default -> {
			}
		}
	}

	private void incremental(JsonNode data) {
		switch (data.path("source").asInt()) {
			case 0 -> new ReplayedMutation(this).apply(data);
			case 3 -> {
				Node node = this.nodes.get(data.path("id").asInt());
				if (node != null) {
					node.scroll = data.path("x").asDouble() + "," + data.path("y").asDouble();
				}
			}
			case 4 -> this.meta = this.meta.substring(0, this.meta.lastIndexOf(' ') + 1) + data.path("width") + "x"
					+ data.path("height");
			case 5 -> {
				Node node = this.nodes.get(data.path("id").asInt());
				if (node != null && isCheckable(node)) {
					node.checked = data.path("isChecked").asBoolean();
				}
				else if (node != null) {
					node.value = data.path("text").asString();
					node.inputValue = node.value;
				}
			}
			case 8, 13 -> ReplayedStyles.applyRuleChange(this, data);
			case 15 -> {
				List<Integer> ids = new ArrayList<>();
				data.path("styleIds").forEach((id) -> ids.add(id.asInt()));
				this.adoptions.put(data.path("id").asInt(), ids);
				for (JsonNode style : data.path("styles")) {
					List<String> rules = new ArrayList<>();
					style.path("rules")
						.forEach((rule) -> rules.add(ReplayedStyles.normalize(rule.path("rule").asString())));
					this.adoptedSheets.put(style.path("styleId").asInt(), rules);
				}
			}
			default -> {
			}
		}
	}

	private static boolean isCheckable(Node node) {
		String type = node.attributes.getOrDefault("type", "");
		return "input".equals(node.tagName) && ("checkbox".equals(type) || "radio".equals(type));
	}

	Node build(JsonNode serialized, Node parent, boolean skipChildren) {
		Node node = new Node();
		node.id = serialized.path("id").asInt();
		node.type = serialized.path("type").asInt();
		node.tagName = serialized.path("tagName").asString(null);
		node.text = serialized.path("textContent").asString(null);
		node.shadow = serialized.path("isShadow").asBoolean(false);
		node.parent = parent;
		serialized.path("attributes").properties().forEach((entry) -> {
			JsonNode value = entry.getValue();
			switch (entry.getKey()) {
				case "value" -> node.value = value.asString();
				case "checked" -> node.checked = value.asBoolean(true);
				case "rr_scrollLeft", "rr_scrollTop" ->
					node.scroll = serialized.path("attributes").path("rr_scrollLeft").asDouble(0) + ","
							+ serialized.path("attributes").path("rr_scrollTop").asDouble(0);
				default ->
					node.attributes.put(entry.getKey(), value.isString() ? value.stringValue() : value.toString());
			}
		});
		this.nodes.put(node.id, node);
		if (!skipChildren) {
			serialized.path("childNodes").forEach((child) -> node.children.add(build(child, node, false)));
		}
		return node;
	}

	List<String> adoptedSheet(int styleId) {
		return this.adoptedSheets.get(styleId);
	}

	Map<Integer, Node> nodes() {
		return this.nodes;
	}

	Node document() {
		return this.document;
	}

	/**
	 * Return everything a viewer sees, as one string.
	 */
	String render() {
		StringBuilder out = new StringBuilder(this.meta).append('\n');
		render(this.document, out, 0);
		this.adoptions.forEach((host, ids) -> out.append("adopted ")
			.append(host)
			.append(':')
			.append(ids.stream().map((id) -> this.adoptedSheets.getOrDefault(id, List.of())).toList())
			.append('\n'));
		return out.toString();
	}

	/**
	 * Return the text a viewer reads in the body, input values included.
	 */
	String visibleText() {
		StringBuilder text = new StringBuilder();
		appendText(this.document, text);
		return text.toString().replaceAll("\\s+", " ");
	}

	private void render(Node node, StringBuilder out, int depth) {
		out.append("  ".repeat(depth)).append(node.id).append(node.shadow ? " shadow " : " ");
		if (node.type == 3 || node.type == 5) {
			boolean style = node.parent != null && "style".equals(node.parent.tagName);
			out.append(style ? "(style text)" : '"' + node.text + '"').append('\n');
			return;
		}
		out.append((node.tagName != null) ? node.tagName : "#" + node.type);
		Map<String, String> attributes = new TreeMap<>(node.attributes);
		attributes.remove("_cssText");
		// which option a select shows is rendered on the select
		attributes.remove((node.parent != null && "option".equals(node.tagName)) ? "selected" : "");
		if ("select".equals(node.tagName)) {
			out.append(" [shows=").append(shownOption(node)).append(']');
		}
		attributes.computeIfPresent("style", (name, style) -> ReplayedStyles.normalizeDeclarations(style));
		attributes.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(value).append('"'));
		appendState(node, out);
		out.append('\n');
		node.children.forEach((child) -> render(child, out, depth + 1));
	}

	// an input event selects the option of that value; before one, the options' selected
	// attributes do, since a select has no value attribute in the DOM
	private static Integer shownOption(Node select) {
		List<Node> options = new ArrayList<>();
		collectOptions(select, options);
		for (Node option : options) {
			String value = (option.value != null) ? option.value : textOf(option).trim();
			if ((select.inputValue != null) ? select.inputValue.equals(value)
					: option.attributes.containsKey("selected")) {
				return option.id;
			}
		}
		return null;
	}

	private static void collectOptions(Node node, List<Node> options) {
		for (Node child : node.children) {
			if ("option".equals(child.tagName)) {
				options.add(child);
			}
			else {
				collectOptions(child, options);
			}
		}
	}

	private static String textOf(Node node) {
		StringBuilder text = new StringBuilder((node.type == 3) ? node.text : "");
		node.children.forEach((child) -> text.append(textOf(child)));
		return text.toString();
	}

	private void appendState(Node node, StringBuilder out) {
		if (node.value != null) {
			out.append(" [value=").append(node.value).append(']');
		}
		if (node.checked) {
			out.append(" [checked]");
		}
		if (node.scroll != null && !"0.0,0.0".equals(node.scroll)) {
			out.append(" [scroll=").append(node.scroll).append(']');
		}
		if ("style".equals(node.tagName) || node.attributes.containsKey("_cssText")) {
			out.append(" [rules=").append(ReplayedStyles.rules(node)).append(']');
		}
	}

	private void appendText(Node node, StringBuilder text) {
		if (node.type == 3 && node.parent != null && !"style".equals(node.parent.tagName)
				&& !"script".equals(node.parent.tagName)) {
			text.append(node.text).append(' ');
		}
		if (node.value != null) {
			text.append(node.value).append(' ');
		}
		node.children.forEach((child) -> appendText(child, text));
	}

	/**
	 * One node.
	 */
	static final class Node {

		int id;

		int type;

		String tagName;

		String text;

		String value;

		boolean checked;

		boolean shadow;

		String scroll;

		String inputValue;

		List<String> sheet;

		Node parent;

		final Map<String, String> attributes = new LinkedHashMap<>();

		final List<Node> children = new ArrayList<>();

	}

}
