package dev.replay.core.dom;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One node of a page as rrweb-snapshot serializes it, in full snapshots and in the nodes
 * that mutations add. Attribute values are a {@link String}, a {@link Number} or a
 * {@link Boolean}, as in rrweb's JSON ({@code rr_scrollTop: 120}, {@code checked: true}).
 */
public sealed interface SerializedNode {

	/**
	 * The node's id, unique within a page.
	 * @return the id
	 */
	int id();

	/**
	 * The kind of node.
	 * @return never {@code null}
	 */
	NodeType type();

	/**
	 * The id of the document an iframe's node belongs to, {@code null} in the top
	 * document.
	 * @return the root id or {@code null}
	 */
	@Nullable Integer rootId();

	/**
	 * Whether the node is a child of its parent's shadow root.
	 * @return {@code true} in a shadow tree
	 */
	boolean isShadow();

	/**
	 * A document.
	 *
	 * @param id the id
	 * @param compatMode the document's compatibility mode, if recorded
	 * @param childNodes the children
	 * @param rootId the enclosing document of an iframe's document, if any
	 */
	record Document(int id, @Nullable String compatMode, List<SerializedNode> childNodes,
			@Nullable Integer rootId) implements SerializedNode {

		@Override
		public NodeType type() {
			return NodeType.DOCUMENT;
		}

		@Override
		public boolean isShadow() {
			return false;
		}

	}

	/**
	 * A document type declaration.
	 *
	 * @param id the id
	 * @param name the name, usually {@code html}
	 * @param publicId the public identifier
	 * @param systemId the system identifier
	 * @param rootId the enclosing document of an iframe's node, if any
	 */
	record DocumentType(int id, String name, String publicId, String systemId,
			@Nullable Integer rootId) implements SerializedNode {

		@Override
		public NodeType type() {
			return NodeType.DOCUMENT_TYPE;
		}

		@Override
		public boolean isShadow() {
			return false;
		}

	}

	/**
	 * An element, with rrweb's special attributes ({@code _cssText}, {@code rr_*}) kept
	 * among the others.
	 *
	 * @param id the id
	 * @param tagName the lower-case tag name
	 * @param attributes the attributes in recorded order
	 * @param childNodes the children, light children first and shadow children after
	 * @param isSVG whether the element is in the SVG namespace
	 * @param needBlock whether rrweb blocked the element's content
	 * @param isCustom whether the element is a custom element
	 * @param isShadowHost whether the element hosts a shadow root
	 * @param isShadow whether the element is in a shadow tree
	 * @param rootId the enclosing document of an iframe's node, if any
	 */
	record Element(int id, String tagName, Map<String, Object> attributes, List<SerializedNode> childNodes,
			boolean isSVG, boolean needBlock, boolean isCustom, boolean isShadowHost, boolean isShadow,
			@Nullable Integer rootId) implements SerializedNode {

		@Override
		public NodeType type() {
			return NodeType.ELEMENT;
		}

	}

	/**
	 * A text node.
	 *
	 * @param id the id
	 * @param textContent the text
	 * @param isStyle whether the text is the content of a {@code <style>}
	 * @param isShadow whether the node is in a shadow tree
	 * @param rootId the enclosing document of an iframe's node, if any
	 */
	record Text(int id, String textContent, boolean isStyle, boolean isShadow,
			@Nullable Integer rootId) implements SerializedNode {

		@Override
		public NodeType type() {
			return NodeType.TEXT;
		}

	}

	/**
	 * A CDATA section, whose content rrweb does not record.
	 *
	 * @param id the id
	 * @param isShadow whether the node is in a shadow tree
	 * @param rootId the enclosing document of an iframe's node, if any
	 */
	record CData(int id, boolean isShadow, @Nullable Integer rootId) implements SerializedNode {

		@Override
		public NodeType type() {
			return NodeType.CDATA;
		}

	}

	/**
	 * A comment.
	 *
	 * @param id the id
	 * @param textContent the comment's text
	 * @param isShadow whether the node is in a shadow tree
	 * @param rootId the enclosing document of an iframe's node, if any
	 */
	record Comment(int id, String textContent, boolean isShadow, @Nullable Integer rootId) implements SerializedNode {

		@Override
		public NodeType type() {
			return NodeType.COMMENT;
		}

	}

}
