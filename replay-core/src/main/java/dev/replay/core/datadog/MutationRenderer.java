package dev.replay.core.datadog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders what a Change record did ({@link ChangeLog}) as rrweb incremental events: one
 * Mutation, then Scroll, MediaInteraction, Input and AdoptedStyleSheet events.
 */
final class MutationRenderer {

	private final ViewState state;

	private final NodeRenderer nodes;

	MutationRenderer(ViewState state, NodeRenderer nodes) {
		this.state = state;
		this.nodes = nodes;
	}

	void render(ChangeLog log, long timestamp, Consumer<ObjectNode> out) {
		VDocument document = this.state.document;
		ObjectNode mutation = RrwebEvents.source(RrwebEvents.MUTATION);
		ArrayNode adds = mutation.putArray("adds");
		addedRoots(log).forEach((root) -> add(root, adds));
		ArrayNode removes = mutation.putArray("removes");
		log.removed.forEach((removal) -> removes.add(removal(removal)));
		ArrayNode texts = mutation.putArray("texts");
		log.texts.forEach((id, text) -> {
			if (document.contains(id)) {
				texts.addObject().put("id", id).put("value", text);
			}
		});
		ArrayNode attributes = mutation.putArray("attributes");
		log.attributes.forEach((id, changed) -> {
			VNode node = document.find(id);
			if (node != null) {
				attributes.add(attributes(node, changed));
			}
		});
		if (!adds.isEmpty() || !removes.isEmpty() || !texts.isEmpty() || !attributes.isEmpty()) {
			out.accept(RrwebEvents.incremental(timestamp, mutation));
		}
		for (double[] scroll : log.scrolls) {
			if (document.contains((int) scroll[0])) {
				out.accept(RrwebEvents.incremental(timestamp,
						RrwebEvents.source(RrwebEvents.SCROLL)
							.put("id", (int) scroll[0])
							.put("x", scroll[1])
							.put("y", scroll[2])));
			}
		}
		for (int[] media : log.media) {
			if (document.contains(media[0])) {
				out.accept(RrwebEvents.incremental(timestamp,
						RrwebEvents.source(RrwebEvents.MEDIA_INTERACTION)
							.put("id", media[0])
							.put("type", (media[1] == 0) ? 0 : 1)));
			}
		}
		for (ChangeLog.Input input : log.inputs) {
			if (document.contains(input.id())) {
				out.accept(RrwebEvents.incremental(timestamp,
						RrwebEvents.source(RrwebEvents.INPUT)
							.put("id", input.id())
							.put("text", input.text())
							.put("isChecked", input.checked())));
			}
		}
		for (int id : log.adopted) {
			VNode target = document.find(id);
			ObjectNode adopted = (target != null) ? this.state.adoptedStyleSheets.render(document, target) : null;
			if (adopted != null) {
				out.accept(RrwebEvents.incremental(timestamp, adopted));
			}
		}
	}

	// The added nodes that are still attached and whose parent is not new,
	// ordered so that a node's next sibling is always added before it.
	private List<VNode> addedRoots(ChangeLog log) {
		Set<VNode> roots = new HashSet<>();
		List<VNode> inOrder = new ArrayList<>();
		for (int id : log.added) {
			VNode node = this.state.document.find(id);
			if (node != null && node.parent != null
					&& !(log.isNew(node.parent.id) && this.state.document.contains(node.parent.id))) {
				roots.add(node);
				inOrder.add(node);
			}
		}
		List<VNode> ordered = new ArrayList<>();
		Set<VNode> emitted = new HashSet<>();
		for (VNode root : inOrder) {
			List<VNode> chain = new ArrayList<>();
			for (VNode node = root; node != null && roots.contains(node)
					&& !emitted.contains(node); node = nextSibling(node)) {
				chain.add(node);
				emitted.add(node);
			}
			for (int i = chain.size() - 1; i >= 0; i--) {
				ordered.add(chain.get(i));
			}
		}
		return ordered;
	}

	private void add(VNode root, ArrayNode adds) {
		List<ObjectNode> rendered = this.nodes.renderAdded(root);
		VNode parent = effectiveParent(root);
		for (int i = rendered.size() - 1; i >= 0; i--) {
			VNode node = root.isFragment() ? root.children.get(i) : root;
			VNode next = nextSibling(node);
			ObjectNode add = adds.addObject().put("parentId", parent.id);
			if (next != null) {
				add.put("nextId", next.id);
			}
			else {
				add.putNull("nextId");
			}
			add.set("node", rendered.get(i));
		}
	}

	private ObjectNode removal(ChangeLog.Removal removal) {
		ObjectNode remove = JsonNodeFactory.instance.objectNode()
			.put("parentId", removal.parentId())
			.put("id", removal.id());
		if (removal.shadow()) {
			remove.put("isShadow", true);
		}
		return remove;
	}

	private ObjectNode attributes(VNode node, Map<String, @Nullable String> changed) {
		ObjectNode entry = JsonNodeFactory.instance.objectNode().put("id", node.id);
		ObjectNode values = entry.putObject("attributes");
		changed.forEach((name, value) -> {
			if (value != null) {
				values.put(name, this.nodes.attributeValue(node, name, value));
			}
			else {
				values.putNull(name);
			}
		});
		return entry;
	}

	// The node that rrweb sees as the parent: the host for a shadow root's child.
	private static VNode effectiveParent(VNode node) {
		VNode parent = Objects.requireNonNull(node.parent, "added node has a parent");
		if (!node.isFragment() && parent.isFragment() && parent.parent != null) {
			return parent.parent;
		}
		return parent;
	}

	private static @Nullable VNode nextSibling(VNode node) {
		if (node.parent == null) {
			return null;
		}
		List<VNode> siblings = node.parent.children;
		int index = siblings.indexOf(node);
		VNode next = (index + 1 < siblings.size()) ? siblings.get(index + 1) : null;
		return (next == null || next.isFragment()) ? null : next;
	}

}
