package dev.replay.core.dom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One node of the live page: a mutable copy of a {@link SerializedNode}. An iframe's
 * content document is kept as the iframe's child, as rrweb's mirror sees it.
 */
final class PageNode {

	final int id;

	final NodeType type;

	final String tagName;

	final Map<String, Object> attributes = new LinkedHashMap<>();

	final List<PageNode> children = new ArrayList<>();

	@Nullable PageNode parent;

	String text = "";

	// The value an input event gave an input, select or text area: rrweb's replayer sets
	// the element's value and checked properties, never its attributes.
	@Nullable String inputText;

	boolean inputChecked;

	boolean isSVG;

	boolean needBlock;

	boolean isCustom;

	boolean isShadowHost;

	boolean isShadow;

	boolean isStyle;

	@Nullable Integer rootId;

	@Nullable String compatMode;

	String publicId = "";

	String systemId = "";

	PageNode(int id, NodeType type, String tagName) {
		this.id = id;
		this.type = type;
		this.tagName = tagName;
	}

	// Copy a serialized node, without its children.
	static PageNode of(SerializedNode node) {
		return switch (node.type()) {
			case DOCUMENT -> document((SerializedNode.Document) node);
			case DOCUMENT_TYPE -> documentType((SerializedNode.DocumentType) node);
			case ELEMENT -> element((SerializedNode.Element) node);
			case TEXT, CDATA, COMMENT, UNKNOWN -> characterData(node);
		};
	}

	static List<SerializedNode> children(SerializedNode node) {
		if (node instanceof SerializedNode.Element element) {
			return element.childNodes();
		}
		return (node instanceof SerializedNode.Document document) ? document.childNodes() : List.of();
	}

	private static PageNode document(SerializedNode.Document document) {
		PageNode node = new PageNode(document.id(), NodeType.DOCUMENT, "");
		node.compatMode = document.compatMode();
		node.rootId = document.rootId();
		return node;
	}

	private static PageNode documentType(SerializedNode.DocumentType doctype) {
		PageNode node = new PageNode(doctype.id(), NodeType.DOCUMENT_TYPE, doctype.name());
		node.publicId = doctype.publicId();
		node.systemId = doctype.systemId();
		node.rootId = doctype.rootId();
		return node;
	}

	private static PageNode element(SerializedNode.Element element) {
		PageNode node = new PageNode(element.id(), NodeType.ELEMENT, element.tagName());
		node.attributes.putAll(element.attributes());
		node.isSVG = element.isSVG();
		node.needBlock = element.needBlock();
		node.isCustom = element.isCustom();
		node.isShadowHost = element.isShadowHost();
		node.isShadow = element.isShadow();
		node.rootId = element.rootId();
		return node;
	}

	private static PageNode characterData(SerializedNode serialized) {
		PageNode node = new PageNode(serialized.id(), serialized.type(), "");
		node.isShadow = serialized.isShadow();
		node.rootId = serialized.rootId();
		if (serialized instanceof SerializedNode.Text text) {
			node.text = text.textContent();
			node.isStyle = text.isStyle();
		}
		else if (serialized instanceof SerializedNode.Comment comment) {
			node.text = comment.textContent();
		}
		return node;
	}

	boolean isElement(String name) {
		return this.type == NodeType.ELEMENT && this.tagName.equals(name);
	}

	// The next node in the same child list (light or shadow) of the parent.
	@Nullable PageNode nextSibling() {
		if (this.parent == null) {
			return null;
		}
		List<PageNode> siblings = this.parent.children;
		for (int i = siblings.indexOf(this) + 1; i < siblings.size(); i++) {
			if (siblings.get(i).isShadow == this.isShadow && siblings.get(i).type != NodeType.DOCUMENT) {
				return siblings.get(i);
			}
		}
		return null;
	}

	// Serialize the node and its subtree, leaving out iframes' content documents.
	SerializedNode toSerialized() {
		return switch (this.type) {
			case DOCUMENT -> new SerializedNode.Document(this.id, this.compatMode, serializedChildren(), this.rootId);
			case DOCUMENT_TYPE ->
				new SerializedNode.DocumentType(this.id, this.tagName, this.publicId, this.systemId, this.rootId);
			case ELEMENT -> new SerializedNode.Element(this.id, this.tagName, new LinkedHashMap<>(this.attributes),
					serializedChildren(), this.isSVG, this.needBlock, this.isCustom, this.isShadowHost, this.isShadow,
					this.rootId);
			case TEXT, UNKNOWN -> new SerializedNode.Text(this.id, this.text, this.isStyle, this.isShadow, this.rootId);
			case CDATA -> new SerializedNode.CData(this.id, this.isShadow, this.rootId);
			case COMMENT -> new SerializedNode.Comment(this.id, this.text, this.isShadow, this.rootId);
		};
	}

	private List<SerializedNode> serializedChildren() {
		List<SerializedNode> serialized = new ArrayList<>(this.children.size());
		// light children first, then the shadow root's, as rrweb-snapshot orders them
		for (PageNode child : this.children) {
			if (!child.isShadow && child.type != NodeType.DOCUMENT) {
				serialized.add(child.toSerialized());
			}
		}
		for (PageNode child : this.children) {
			if (child.isShadow && child.type != NodeType.DOCUMENT) {
				serialized.add(child.toSerialized());
			}
		}
		return serialized;
	}

}
