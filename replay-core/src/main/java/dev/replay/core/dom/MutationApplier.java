package dev.replay.core.dom;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Applies a {@link Mutation} the way rrweb's replayer ({@code applyMutation}) does:
 * removals, then additions, where an addition whose parent or next sibling is not there
 * yet waits in a queue resolved as trees, then texts, then attributes. References to
 * missing nodes are skipped, as the replayer skips them.
 */
final class MutationApplier {

	private static final int MAX_QUEUE_ROUNDS = 100;

	private static final String CSS_SPLIT = "/* rr_split */";

	private final NodeMirror mirror;

	private final PageNode document;

	MutationApplier(NodeMirror mirror, PageNode document) {
		this.mirror = mirror;
		this.document = document;
	}

	void apply(Mutation mutation) {
		mutation.removes().forEach((removal) -> materializeCssText(this.mirror.get(removal.parentId())));
		mutation.adds().forEach((addition) -> materializeCssText(this.mirror.get(addition.parentId())));
		for (Mutation.TextChange change : mutation.texts()) {
			PageNode target = this.mirror.get(change.id());
			materializeCssText((target != null && target.type == NodeType.ELEMENT) ? target : parentOf(target));
		}
		mutation.removes().forEach(this::remove);
		List<Mutation.Addition> queue = new ArrayList<>();
		for (Mutation.Addition addition : mutation.adds()) {
			append(addition, queue);
		}
		resolve(queue);
		mutation.texts().forEach(this::changeText);
		mutation.attributes().forEach((change) -> NodeAttributes.apply(this.mirror.get(change.id()), change));
	}

	private static @Nullable PageNode parentOf(@Nullable PageNode node) {
		return (node != null) ? node.parent : null;
	}

	// A style element recorded with _cssText shows that CSS through its text children:
	// rrweb's replayer writes the CSS into them when it builds the element (split at the
	// recorder's "rr_split" markers). Before a mutation changes those children, the CSS
	// moves into them here too, so that the element's sheet afterwards is built from its
	// texts as the browser builds it, and not from a _cssText that no longer holds.
	private static void materializeCssText(@Nullable PageNode style) {
		if (style == null || !style.isElement("style") || !(style.attributes.get("_cssText") instanceof String css)) {
			return;
		}
		List<PageNode> texts = style.children.stream().filter((child) -> child.type == NodeType.TEXT).toList();
		if (texts.isEmpty()) {
			return;
		}
		List<String> splits = new ArrayList<>(List.of(css.split(Pattern.quote(CSS_SPLIT), -1)));
		while (splits.size() > 1 && splits.size() > texts.size()) {
			String last = splits.remove(splits.size() - 1);
			splits.set(splits.size() - 1, splits.get(splits.size() - 1) + last);
		}
		for (int i = 0; i < texts.size() && i < splits.size(); i++) {
			texts.get(i).text = splits.get(i);
			texts.get(i).isStyle = true;
		}
		style.attributes.remove("_cssText");
	}

	private void remove(Mutation.Removal removal) {
		PageNode target = this.mirror.get(removal.id());
		PageNode parent = this.mirror.get(removal.parentId());
		if (target == null || parent == null) {
			return;
		}
		this.mirror.forget(target);
		// a node that is not the parent's child stays where it is: removeChild throws
		if (target.parent == parent) {
			parent.children.remove(target);
			target.parent = null;
		}
	}

	private void resolve(List<Mutation.Addition> queue) {
		for (int round = 0; !queue.isEmpty() && round < MAX_QUEUE_ROUNDS; round++) {
			List<ResolveTree> trees = ResolveTree.of(queue);
			queue.clear();
			for (ResolveTree tree : trees) {
				if (this.mirror.get(tree.addition().parentId()) != null) {
					tree.forEach((addition) -> append(addition, queue));
				}
			}
		}
	}

	private void append(Mutation.Addition addition, List<Mutation.Addition> queue) {
		SerializedNode node = addition.node();
		PageNode parent = this.mirror.get(addition.parentId());
		if (parent == null) {
			if (node.type() != NodeType.DOCUMENT) {
				queue.add(addition);
			}
			return;
		}
		PageNode next = this.mirror.get(addition.nextId());
		if (addition.nextId() != null && addition.nextId() != -1 && next == null) {
			queue.add(addition);
			return;
		}
		if (node.rootId() != null && this.mirror.get(node.rootId()) == null) {
			return;
		}
		if (parent.isElement("iframe") && node.type() == NodeType.DOCUMENT) {
			attachDocument(parent, node);
			return;
		}
		if (Integer.valueOf(-1).equals(addition.previousId()) || Integer.valueOf(-1).equals(addition.nextId())) {
			return;
		}
		PageNode target = this.mirror.build(node, true);
		insert(parent, target, this.mirror.get(addition.previousId()), next);
	}

	private void insert(PageNode parent, PageNode target, @Nullable PageNode previous, @Nullable PageNode next) {
		PageNode afterPrevious = (previous != null) ? previous.nextSibling() : null;
		if (afterPrevious != null && afterPrevious.parent == parent) {
			insertBefore(parent, target, afterPrevious);
		}
		else if (next != null && next.parent == parent && next.isShadow == target.isShadow) {
			insertBefore(parent, target, next);
		}
		else {
			if (parent == ((target.rootId != null) ? this.mirror.get(target.rootId) : this.document)) {
				// appending to a document replaces what it held, as the replayer does
				parent.children.removeIf((child) -> child.type != NodeType.DOCUMENT);
			}
			parent.children.add(target);
		}
		target.parent = parent;
	}

	private static void insertBefore(PageNode parent, PageNode target, PageNode before) {
		parent.children.add(parent.children.indexOf(before), target);
	}

	private void attachDocument(PageNode iframe, SerializedNode document) {
		for (PageNode child : iframe.children) {
			this.mirror.forget(child);
		}
		iframe.children.clear();
		PageNode built = this.mirror.build(document, false);
		built.parent = iframe;
		iframe.children.add(built);
	}

	private void changeText(Mutation.TextChange change) {
		PageNode target = this.mirror.get(change.id());
		if (target == null) {
			return;
		}
		String value = (change.value() != null) ? change.value() : "";
		switch (target.type) {
			case TEXT, COMMENT, CDATA, UNKNOWN -> target.text = value;
			case ELEMENT -> this.mirror.replaceChildrenWithText(target, value);
			case DOCUMENT, DOCUMENT_TYPE -> {
				// textContent of a document or doctype is null and setting it
				// does nothing
			}
		}
	}

}
