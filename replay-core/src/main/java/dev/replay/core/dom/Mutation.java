package dev.replay.core.dom;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The payload of an rrweb Mutation: nodes removed, nodes added, texts and attributes
 * changed, applied by rrweb's replayer in that order.
 *
 * @param removes the removed nodes
 * @param adds the added nodes
 * @param texts the changed texts
 * @param attributes the changed attributes
 * @param isAttachIframe whether the mutation attaches an iframe's content document
 */
public record Mutation(List<Removal> removes, List<Addition> adds, List<TextChange> texts,
		List<AttributeChange> attributes, boolean isAttachIframe) {

	/**
	 * A node removed from its parent.
	 *
	 * @param parentId the parent's id
	 * @param id the removed node's id
	 * @param isShadow whether the node was in the parent's shadow root
	 */
	public record Removal(int parentId, int id, boolean isShadow) {

	}

	/**
	 * A node added to a parent, placed after {@code previousId} or before {@code nextId}.
	 *
	 * @param parentId the parent's id
	 * @param previousId the sibling before it, if known
	 * @param nextId the sibling after it, {@code null} for the end of the parent
	 * @param node the added node with its subtree
	 */
	public record Addition(int parentId, @Nullable Integer previousId, @Nullable Integer nextId, SerializedNode node) {

	}

	/**
	 * A text node whose text changed.
	 *
	 * @param id the node's id
	 * @param value the new text, {@code null} to empty it
	 */
	public record TextChange(int id, @Nullable String value) {

	}

	/**
	 * Attributes of one element that changed.
	 *
	 * @param id the element's id
	 * @param values new attribute values, {@code null} values remove the attribute
	 * @param style changes to single properties of the {@code style} attribute, a
	 * {@code null} value removing the property
	 */
	public record AttributeChange(int id, Map<String, @Nullable String> values,
			Map<String, @Nullable StyleProperty> style) {

	}

	/**
	 * The value of a CSS property.
	 *
	 * @param value the value
	 * @param priority {@code important} or empty
	 */
	public record StyleProperty(String value, String priority) {

	}

}
