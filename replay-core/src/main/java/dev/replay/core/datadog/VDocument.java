package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The server-side copy of a recorded document: nodes by their implicit Datadog ids, the
 * style sheets, and the id counter that Datadog keeps per recording scope.
 */
final class VDocument {

	private final Map<Integer, VNode> nodes = new HashMap<>();

	private final List<StyleSheet> styleSheets = new ArrayList<>();

	private int nextId;

	private @Nullable VNode root;

	int nextId() {
		return this.nextId;
	}

	@Nullable VNode root() {
		return this.root;
	}

	boolean contains(int id) {
		return this.nodes.containsKey(id);
	}

	@Nullable VNode find(int id) {
		return this.nodes.get(id);
	}

	VNode get(int id) {
		VNode node = this.nodes.get(id);
		if (node == null) {
			throw new DatadogFormatException("Change refers to unknown node " + id);
		}
		return node;
	}

	/**
	 * Create a node with the next id and insert it where the insertion point says.
	 * @param insertionPoint {@code null} for the root, {@code 0} after the previous node,
	 * {@code k > 0} as last child of node {@code id - k}, {@code k < 0} before node
	 * {@code id + k}
	 * @param kind the node kind
	 * @param name the tag or doctype name
	 * @param svg whether the element is in the SVG namespace
	 * @return the new node
	 */
	VNode add(@Nullable Integer insertionPoint, VNode.Kind kind, String name, boolean svg) {
		int id = this.nextId;
		VNode node = new VNode(id, kind, name, svg);
		if (insertionPoint == null) {
			this.root = node;
		}
		else if (insertionPoint == 0) {
			VNode previous = get(id - 1);
			VNode parent = parentOf(previous);
			insert(parent, node, previous.indexInParent() + 1);
		}
		else if (insertionPoint > 0) {
			VNode parent = get(id - insertionPoint);
			insert(parent, node, parent.children.size());
		}
		else {
			VNode next = get(id + insertionPoint);
			insert(parentOf(next), node, next.indexInParent());
		}
		this.nodes.put(id, node);
		this.nextId = id + 1;
		return node;
	}

	/**
	 * Detach a node and forget it and its whole subtree.
	 * @param id the node id
	 * @return the removed node, its {@code parent} still set
	 */
	VNode remove(int id) {
		VNode node = get(id);
		if (node.parent != null) {
			node.parent.children.remove(node);
		}
		else if (node == this.root) {
			this.root = null;
		}
		forget(node);
		return node;
	}

	int addStyleSheet(StyleSheet sheet) {
		this.styleSheets.add(sheet);
		return this.styleSheets.size() - 1;
	}

	StyleSheet styleSheet(int sheetId) {
		if (sheetId < 0 || sheetId >= this.styleSheets.size()) {
			throw new DatadogFormatException("Change refers to unknown style sheet " + sheetId);
		}
		return this.styleSheets.get(sheetId);
	}

	private void forget(VNode node) {
		this.nodes.remove(node.id);
		for (VNode child : node.children) {
			forget(child);
		}
	}

	private static VNode parentOf(VNode sibling) {
		if (sibling.parent == null) {
			throw new DatadogFormatException("Node " + sibling.id + " has no parent to insert a sibling into");
		}
		return sibling.parent;
	}

	private static void insert(VNode parent, VNode node, int index) {
		node.parent = parent;
		parent.children.add(index, node);
	}

}
