package dev.replay.core.datadog;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Applies the changes of one Datadog Change record ({@code [[kind, item…], …]}) to a
 * {@link VDocument}, resolving string references through the {@link StringTable} and
 * noting what happened in a {@link ChangeLog}.
 */
final class ChangeDecoder {

	private final VDocument document;

	private final StringTable strings;

	private final ChangeItems items;

	ChangeDecoder(VDocument document, StringTable strings, String resourceUrlPrefix) {
		this.document = document;
		this.strings = strings;
		this.items = new ChangeItems(document, strings, resourceUrlPrefix);
	}

	/**
	 * Return whether the changes add a root node, which makes the record a full snapshot.
	 * @param changes the record's {@code data}
	 * @return {@code true} if an AddNode item has a {@code null} insertion point
	 */
	static boolean addsRoot(JsonNode changes) {
		for (JsonNode change : changes) {
			if (change.path(0).asInt(-1) == ChangeKind.ADD_NODE) {
				for (int i = 1; i < change.size(); i++) {
					if (change.get(i).path(0).isNull()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	void apply(JsonNode changes, ChangeLog log) {
		if (!changes.isArray()) {
			throw new DatadogFormatException("Change record data must be an array");
		}
		for (JsonNode change : changes) {
			if (!change.isArray() || change.isEmpty() || !change.get(0).isIntegralNumber()) {
				throw new DatadogFormatException("A change must be an array starting with its kind");
			}
			int kind = change.get(0).intValue();
			for (int i = 1; i < change.size(); i++) {
				applyItem(kind, change.get(i), log);
			}
			if (!ChangeKind.isKnown(kind)) {
				log.unknown.add(change);
			}
		}
	}

	private void applyItem(int kind, JsonNode item, ChangeLog log) {
		switch (kind) {
			case ChangeKind.ADD_STRING -> this.strings.add(this.strings.decode(item));
			case ChangeKind.ADD_ROLE_ANNOTATED_STRINGS -> addRoleAnnotatedStrings(item);
			case ChangeKind.ADD_NODE -> log.added.add(addNode(item).id);
			case ChangeKind.REMOVE_NODE -> removeNode(ChangeItems.id(item), log);
			case ChangeKind.ATTRIBUTE -> this.items.attributes(item, log);
			case ChangeKind.TEXT -> this.items.text(item, log);
			case ChangeKind.SIZE -> this.items.size(item, log);
			case ChangeKind.SCROLL_POSITION -> this.items.scroll(item, log);
			case ChangeKind.ADD_STYLE_SHEET -> this.document.addStyleSheet(this.items.styleSheet(item));
			case ChangeKind.ATTACHED_STYLE_SHEETS -> this.items.attachedStyleSheets(item, log);
			case ChangeKind.MEDIA_PLAYBACK_STATE -> this.items.mediaPlaybackState(item, log);
			case ChangeKind.VISUAL_VIEWPORT -> log.viewports.add(item);
			case ChangeKind.INPUT_VALUE -> this.items.inputValue(item, log);
			case ChangeKind.INPUT_SELECTION -> this.items.inputSelection(item, log);
			case ChangeKind.IMAGE_CONTENT -> this.items.imageContent(item, log);
			default -> {
				// unknown kinds are passed through as a whole by the caller
			}
		}
	}

	private void addRoleAnnotatedStrings(JsonNode item) {
		ChangeItems.requireArray(item, "AddRoleAnnotatedStrings");
		for (int i = 1; i < item.size(); i++) {
			this.strings.add(this.strings.decode(item.get(i)));
		}
	}

	private VNode addNode(JsonNode item) {
		ChangeItems.requireArray(item, "AddNode");
		JsonNode point = item.path(0);
		if (!point.isNull() && !point.isIntegralNumber()) {
			throw new DatadogFormatException("AddNode insertion point must be null or an integer");
		}
		@Nullable Integer insertionPoint = point.isNull() ? null : point.intValue();
		String nodeName = this.strings.decode(item.path(1));
		return switch (nodeName) {
			case "#document" -> this.document.add(insertionPoint, VNode.Kind.DOCUMENT, nodeName, false);
			case "#cdata-section" -> this.document.add(insertionPoint, VNode.Kind.CDATA, nodeName, false);
			case "#document-fragment", "#shadow-root" ->
				this.document.add(insertionPoint, VNode.Kind.FRAGMENT, nodeName, false);
			case "#text" -> {
				VNode text = this.document.add(insertionPoint, VNode.Kind.TEXT, nodeName, false);
				text.text = this.strings.decode(item.path(2));
				yield text;
			}
			case "#doctype" -> {
				VNode doctype = this.document.add(insertionPoint, VNode.Kind.DOCTYPE, this.strings.decode(item.path(2)),
						false);
				doctype.publicId = this.strings.decode(item.path(3));
				doctype.systemId = this.strings.decode(item.path(4));
				yield doctype;
			}
			default -> addElement(insertionPoint, nodeName, item);
		};
	}

	private VNode addElement(@Nullable Integer insertionPoint, String nodeName, JsonNode item) {
		boolean svg = nodeName.startsWith("svg>");
		String tagName = svg ? nodeName.substring(4) : nodeName.toLowerCase(Locale.ROOT);
		VNode element = this.document.add(insertionPoint, VNode.Kind.ELEMENT, tagName, svg);
		for (int i = 2; i < item.size(); i++) {
			JsonNode attribute = item.get(i);
			ChangeItems.requireArray(attribute, "AddNode attribute");
			element.attributes.put(this.strings.decode(attribute.path(0)), this.strings.decode(attribute.path(1)));
		}
		return element;
	}

	private void removeNode(int id, ChangeLog log) {
		VNode node = this.document.remove(id);
		VNode parent = node.parent;
		if (log.isNew(id) || parent == null) {
			return;
		}
		if (node.isFragment()) {
			node.children.forEach((child) -> log.removed.add(new ChangeLog.Removal(child.id, parent.id, true)));
		}
		else if (parent.isFragment() && parent.parent != null) {
			log.removed.add(new ChangeLog.Removal(id, parent.parent.id, true));
		}
		else {
			log.removed.add(new ChangeLog.Removal(id, parent.id, false));
		}
	}

}
