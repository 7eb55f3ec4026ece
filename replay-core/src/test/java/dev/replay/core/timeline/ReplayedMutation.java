package dev.replay.core.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.replay.core.timeline.ReplayedPage.Node;
import tools.jackson.databind.JsonNode;

/**
 * Applies one rrweb Mutation to a {@link ReplayedPage} with the replayer's rules:
 * removals, additions placed after their previous or before their next sibling (retried
 * while their parent or next sibling is missing), texts, then attributes.
 */
final class ReplayedMutation {

	private final ReplayedPage page;

	ReplayedMutation(ReplayedPage page) {
		this.page = page;
	}

	void apply(JsonNode data) {
		Map<Integer, Node> nodes = this.page.nodes();
		data.path("removes").forEach((remove) -> writeCssTextIntoTexts(nodes.get(remove.path("parentId").asInt())));
		data.path("adds").forEach((add) -> writeCssTextIntoTexts(nodes.get(add.path("parentId").asInt())));
		for (JsonNode text : data.path("texts")) {
			Node target = nodes.get(text.path("id").asInt());
			writeCssTextIntoTexts((target != null) ? target.parent : null);
		}
		for (JsonNode remove : data.path("removes")) {
			Node target = nodes.get(remove.path("id").asInt());
			Node parent = nodes.get(remove.path("parentId").asInt());
			if (target != null && parent != null) {
				forget(target);
				if (parent.children.remove(target)) {
					styleChanged(parent);
				}
			}
		}
		List<JsonNode> pending = new ArrayList<>();
		data.path("adds").forEach(pending::add);
		boolean progress = true;
		while (!pending.isEmpty() && progress) {
			List<JsonNode> waiting = new ArrayList<>();
			for (JsonNode add : pending) {
				if (!add(add)) {
					waiting.add(add);
				}
			}
			progress = waiting.size() < pending.size();
			pending = waiting;
		}
		for (JsonNode text : data.path("texts")) {
			Node target = nodes.get(text.path("id").asInt());
			if (target != null) {
				target.text = text.path("value").asString("");
				styleChanged(target.parent);
			}
		}
		data.path("attributes").forEach(this::changeAttributes);
	}

	private boolean add(JsonNode add) {
		Map<Integer, Node> nodes = this.page.nodes();
		Node parent = nodes.get(add.path("parentId").asInt());
		JsonNode nextId = add.path("nextId");
		Node next = nextId.isNumber() ? nodes.get(nextId.asInt()) : null;
		if (parent == null || (nextId.isNumber() && next == null)) {
			return false;
		}
		Node node = this.page.build(add.path("node"), parent, true);
		Node previous = add.path("previousId").isNumber() ? nodes.get(add.path("previousId").asInt()) : null;
		int index = (previous != null && previous.parent == parent) ? parent.children.indexOf(previous) + 1 : -1;
		if (index < 0 && next != null && next.parent == parent) {
			index = parent.children.indexOf(next);
		}
		parent.children.add((index >= 0) ? index : parent.children.size(), node);
		styleChanged(parent);
		return true;
	}

	private void changeAttributes(JsonNode change) {
		Node target = this.page.nodes().get(change.path("id").asInt());
		if (target == null) {
			return;
		}
		change.path("attributes").properties().forEach((entry) -> {
			JsonNode value = entry.getValue();
			if (value.isNull()) {
				target.attributes.remove(entry.getKey());
			}
			else if (value.isObject()) {
				String style = target.attributes.getOrDefault("style", "");
				for (var property : value.properties()) {
					JsonNode propertyValue = property.getValue();
					String text = propertyValue.isArray()
							? propertyValue.path(0).asString() + " !" + propertyValue.path(1).asString()
							: propertyValue.asString();
					style = ReplayedStyles.setDeclaration(style, property.getKey(),
							propertyValue.isBoolean() ? "" : text);
				}
				target.attributes.put("style", style);
			}
			else {
				target.attributes.put(entry.getKey(), value.asString());
			}
		});
	}

	// The replayer builds a style recorded with _cssText by writing that CSS into the
	// style's text children (split at "rr_split" markers); the browser then reads the
	// sheet
	// from the texts, so once a mutation changes them the _cssText no longer applies.
	private static void writeCssTextIntoTexts(Node style) {
		if (style == null || !"style".equals(style.tagName) || !style.attributes.containsKey("_cssText")) {
			return;
		}
		List<Node> texts = style.children.stream().filter((child) -> child.type == 3).toList();
		if (texts.isEmpty()) {
			return;
		}
		List<String> splits = new ArrayList<>(
				List.of(style.attributes.remove("_cssText").split(Pattern.quote("/* rr_split */"), -1)));
		while (splits.size() > 1 && splits.size() > texts.size()) {
			String last = splits.remove(splits.size() - 1);
			splits.set(splits.size() - 1, splits.get(splits.size() - 1) + last);
		}
		for (int i = 0; i < texts.size() && i < splits.size(); i++) {
			texts.get(i).text = splits.get(i);
		}
	}

	private static void styleChanged(Node node) {
		if (node != null && "style".equals(node.tagName)) {
			node.sheet = null;
		}
	}

	private void forget(Node node) {
		this.page.nodes().remove(node.id);
		node.children.forEach(this::forget);
	}

}
