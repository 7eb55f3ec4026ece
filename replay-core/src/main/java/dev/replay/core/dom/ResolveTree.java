package dev.replay.core.dom;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Queued additions grouped into trees by parent and next sibling, as rrweb's
 * {@code queueToResolveTrees} does, so that a subtree is added from its root down.
 */
final class ResolveTree {

	private final Mutation.Addition addition;

	private final List<ResolveTree> children = new ArrayList<>();

	private final @Nullable ResolveTree parent;

	private ResolveTree(Mutation.Addition addition, @Nullable ResolveTree parent) {
		this.addition = addition;
		this.parent = parent;
	}

	Mutation.Addition addition() {
		return this.addition;
	}

	static List<ResolveTree> of(List<Mutation.Addition> queue) {
		Map<Integer, ResolveTree> byId = new HashMap<>();
		List<ResolveTree> roots = new ArrayList<>();
		for (Mutation.Addition addition : queue) {
			ResolveTree nextInTree = (addition.nextId() != null) ? byId.get(addition.nextId()) : null;
			ResolveTree parentInTree = byId.get(addition.parentId());
			ResolveTree tree;
			if (nextInTree != null) {
				tree = new ResolveTree(addition, nextInTree.parent);
				List<ResolveTree> siblings = (nextInTree.parent != null) ? nextInTree.parent.children : roots;
				siblings.add(siblings.indexOf(nextInTree), tree);
			}
			else if (parentInTree != null) {
				tree = new ResolveTree(addition, parentInTree);
				parentInTree.children.add(tree);
			}
			else {
				tree = new ResolveTree(addition, null);
				roots.add(tree);
			}
			byId.put(addition.node().id(), tree);
		}
		return roots;
	}

	// Visit the root, then the children from the last to the first, as rrweb's
	// iterateResolveTree does.
	void forEach(Consumer<Mutation.Addition> action) {
		action.accept(this.addition);
		for (int i = this.children.size() - 1; i >= 0; i--) {
			this.children.get(i).forEach(action);
		}
	}

}
