package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Applies the items of the Change kinds that target an existing node (attributes, text,
 * size, scroll, style sheets, media and form state) and of {@code AddStyleSheet}.
 */
final class ChangeItems {

	private final VDocument document;

	private final StringTable strings;

	private final String resourceUrlPrefix;

	ChangeItems(VDocument document, StringTable strings, String resourceUrlPrefix) {
		this.document = document;
		this.strings = strings;
		this.resourceUrlPrefix = resourceUrlPrefix;
	}

	void attributes(JsonNode item, ChangeLog log) {
		VNode node = target(item, "Attribute");
		for (int i = 1; i < item.size(); i++) {
			JsonNode mutation = item.get(i);
			requireArray(mutation, "Attribute assignment");
			String name = this.strings.decode(mutation.path(0));
			@Nullable String value = (mutation.size() > 1) ? this.strings.decode(mutation.get(1)) : null;
			if (value != null) {
				node.attributes.put(name, value);
			}
			else {
				node.attributes.remove(name);
			}
			if (!log.isNew(node.id)) {
				log.attribute(node.id, name, value);
			}
		}
	}

	void text(JsonNode item, ChangeLog log) {
		VNode node = target(item, "Text");
		node.text = this.strings.decode(item.path(1));
		if (!log.isNew(node.id)) {
			log.texts.put(node.id, node.text);
		}
	}

	void size(JsonNode item, ChangeLog log) {
		VNode node = target(item, "Size");
		node.size = new double[] { number(item, 1), number(item, 2) };
		if (!log.isNew(node.id)) {
			log.attribute(node.id, "rr_width", NodeRenderer.pixels(node.size[0]));
			log.attribute(node.id, "rr_height", NodeRenderer.pixels(node.size[1]));
		}
	}

	void scroll(JsonNode item, ChangeLog log) {
		VNode node = target(item, "ScrollPosition");
		node.scroll = new double[] { number(item, 1), number(item, 2) };
		if (!log.isNew(node.id)) {
			log.scrolls.add(new double[] { node.id, node.scroll[0], node.scroll[1] });
		}
	}

	StyleSheet styleSheet(JsonNode item) {
		requireArray(item, "AddStyleSheet");
		JsonNode rulesSlot = item.path(0);
		List<String> rules = new ArrayList<>();
		if (rulesSlot.isArray()) {
			rulesSlot.forEach((rule) -> rules.add(this.strings.decode(rule)));
		}
		else {
			rules.add(this.strings.decode(rulesSlot));
		}
		List<String> media = new ArrayList<>();
		item.path(1).forEach((medium) -> media.add(this.strings.decode(medium)));
		return new StyleSheet(rules, media, item.path(2).asBoolean(false));
	}

	void attachedStyleSheets(JsonNode item, ChangeLog log) {
		VNode node = target(item, "AttachedStyleSheets");
		node.styleSheets.clear();
		for (int i = 1; i < item.size(); i++) {
			int sheetId = (int) number(item, i);
			this.document.styleSheet(sheetId);
			node.styleSheets.add(sheetId);
		}
		if (log.isNew(node.id)) {
			return;
		}
		if (node.kind == VNode.Kind.DOCUMENT || node.isFragment()) {
			log.adopted.add(node.id);
		}
		else {
			log.attribute(node.id, NodeRenderer.CSS_TEXT, NodeRenderer.cssText(this.document, node));
		}
	}

	void mediaPlaybackState(JsonNode item, ChangeLog log) {
		VNode node = target(item, "MediaPlaybackState");
		node.mediaState = (int) number(item, 1);
		if (!log.isNew(node.id)) {
			log.media.add(new int[] { node.id, node.mediaState });
		}
	}

	void inputValue(JsonNode item, ChangeLog log) {
		VNode node = target(item, "InputValue");
		node.inputValue = this.strings.decode(item.path(1));
		if (!log.isNew(node.id)) {
			log.inputs.add(new ChangeLog.Input(node.id, node.inputValue, false));
		}
	}

	void inputSelection(JsonNode item, ChangeLog log) {
		requireArray(item, "InputSelection");
		int state = (int) number(item, 0);
		for (int i = 1; i < item.size(); i++) {
			VNode node = this.document.get((int) number(item, i));
			node.selection = state;
			if (log.isNew(node.id)) {
				continue;
			}
			if (node.isElement("option")) {
				log.attribute(node.id, "selected", (state == 0) ? "" : null);
			}
			else {
				String value = node.attributes.getOrDefault("value", "on");
				log.inputs.add(new ChangeLog.Input(node.id, value, state == 0));
			}
		}
	}

	void imageContent(JsonNode item, ChangeLog log) {
		VNode node = target(item, "ImageContent");
		String url = this.resourceUrlPrefix + this.strings.decode(item.path(1));
		node.attributes.put(NodeRenderer.DATA_URL, url);
		if (!log.isNew(node.id)) {
			log.attribute(node.id, NodeRenderer.DATA_URL, url);
		}
	}

	private VNode target(JsonNode item, String kind) {
		requireArray(item, kind);
		return this.document.get(id(item.path(0)));
	}

	static int id(JsonNode value) {
		if (!value.isIntegralNumber()) {
			throw new DatadogFormatException("Expected a node id but found " + value.getNodeType());
		}
		return value.intValue();
	}

	static double number(JsonNode item, int index) {
		JsonNode value = item.path(index);
		if (!value.isNumber()) {
			throw new DatadogFormatException("Expected a number at position " + index + " of a change item");
		}
		return value.doubleValue();
	}

	static void requireArray(JsonNode item, String kind) {
		if (!item.isArray() || item.isEmpty()) {
			throw new DatadogFormatException(kind + " item must be a non-empty array");
		}
	}

}
