package dev.replay.core.event;

/**
 * The sources of rrweb's incremental snapshots, with their wire codes.
 */
public enum IncrementalSource {

	/** DOM nodes added, removed or changed. */
	MUTATION(0),

	/** Pointer positions. */
	MOUSE_MOVE(1),

	/** Clicks, focus, touches. */
	MOUSE_INTERACTION(2),

	/** A document or element scrolled. */
	SCROLL(3),

	/** The viewport resized. */
	VIEWPORT_RESIZE(4),

	/** An input's value changed. */
	INPUT(5),

	/** Touch positions. */
	TOUCH_MOVE(6),

	/** A media element played, paused or sought. */
	MEDIA_INTERACTION(7),

	/** Rules inserted or deleted in a style sheet. */
	STYLE_SHEET_RULE(8),

	/** Canvas drawing. */
	CANVAS_MUTATION(9),

	/** A web font loaded. */
	FONT(10),

	/** A console message (rrweb 1). */
	LOG(11),

	/** Drag positions. */
	DRAG(12),

	/** A property of a style rule changed. */
	STYLE_DECLARATION(13),

	/** The selection changed. */
	SELECTION(14),

	/** Constructed style sheets adopted. */
	ADOPTED_STYLE_SHEET(15),

	/** A custom element defined. */
	CUSTOM_ELEMENT(16),

	/** A code this version does not know. */
	UNKNOWN(-1);

	private final int code;

	IncrementalSource(int code) {
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
	 * Find the source of a wire code.
	 * @param code a wire code
	 * @return the source, {@link #UNKNOWN} for codes not known
	 */
	public static IncrementalSource fromCode(int code) {
		for (IncrementalSource source : values()) {
			if (source.code == code) {
				return source;
			}
		}
		return UNKNOWN;
	}

	/**
	 * Whether the source is something the user did.
	 * @return {@code true} for pointer, touch, drag, scroll, resize and input
	 */
	public boolean isUserInput() {
		return switch (this) {
			case MOUSE_MOVE, MOUSE_INTERACTION, SCROLL, VIEWPORT_RESIZE, INPUT, TOUCH_MOVE, DRAG -> true;
			case MUTATION, MEDIA_INTERACTION, STYLE_SHEET_RULE, CANVAS_MUTATION, FONT, LOG, STYLE_DECLARATION,
					SELECTION, ADOPTED_STYLE_SHEET, CUSTOM_ELEMENT, UNKNOWN ->
				false;
		};
	}

}
