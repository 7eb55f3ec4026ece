package dev.replay.core.dom;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The nodes of the page by id, like rrweb's mirror: nodes leave it when they are removed.
 */
final class NodeMirror {

	private final Map<Integer, PageNode> nodes = new HashMap<>();

	private int syntheticId = -1000;

	@Nullable PageNode get(@Nullable Integer id) {
		return (id != null) ? this.nodes.get(id) : null;
	}

	int size() {
		return this.nodes.size();
	}

	void clear() {
		this.nodes.clear();
	}

	// Build a node and, unless skipChildren, its subtree, and register them all.
	PageNode build(SerializedNode serialized, boolean skipChildren) {
		PageNode node = PageNode.of(serialized);
		this.nodes.put(node.id, node);
		if (!skipChildren) {
			for (SerializedNode child : PageNode.children(serialized)) {
				PageNode built = build(child, false);
				built.parent = node;
				node.children.add(built);
			}
		}
		return node;
	}

	// Forget a node and its subtree.
	void forget(PageNode node) {
		this.nodes.remove(node.id, node);
		for (PageNode child : node.children) {
			forget(child);
		}
	}

	// Replace an element's children by one text node, as setting textContent
	// does. The new node has a negative id that no recorder hands out.
	void replaceChildrenWithText(PageNode element, String text) {
		element.children.forEach(this::forget);
		element.children.clear();
		if (!text.isEmpty()) {
			PageNode child = new PageNode(this.syntheticId--, NodeType.TEXT, "");
			child.text = text;
			child.parent = element;
			child.isStyle = element.isElement("style");
			element.children.add(child);
			this.nodes.put(child.id, child);
		}
	}

}
