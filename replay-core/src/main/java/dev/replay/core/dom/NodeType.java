package dev.replay.core.dom;

/**
 * The kinds of serialized node, with rrweb-snapshot's wire codes.
 */
public enum NodeType {

	/** A document, the root of a page or of an iframe's content. */
	DOCUMENT(0),

	/** A {@code <!DOCTYPE>}. */
	DOCUMENT_TYPE(1),

	/** An element. */
	ELEMENT(2),

	/** A text node. */
	TEXT(3),

	/** A CDATA section. */
	CDATA(4),

	/** A comment. */
	COMMENT(5),

	/** A code this version does not know. */
	UNKNOWN(-1);

	private final int code;

	NodeType(int code) {
		this.code = code;
	}

	/**
	 * The wire code.
	 * @return the code rrweb uses
	 */
	public int code() {
		return this.code;
	}

	/**
	 * Find the type of a wire code.
	 * @param code a wire code
	 * @return the type, {@link #UNKNOWN} for codes not known
	 */
	public static NodeType fromCode(int code) {
		for (NodeType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
