package dev.replay.core.event;

/**
 * rrweb's kinds of mouse and touch interaction, with their wire codes.
 */
public enum MouseInteractionType {

	/** Button released. */
	MOUSE_UP(0),

	/** Button pressed. */
	MOUSE_DOWN(1),

	/** A click. */
	CLICK(2),

	/** A context menu opened. */
	CONTEXT_MENU(3),

	/** A double click. */
	DBL_CLICK(4),

	/** An element got the focus. */
	FOCUS(5),

	/** An element lost the focus. */
	BLUR(6),

	/** A touch started. */
	TOUCH_START(7),

	/** A touch moved away. */
	TOUCH_MOVE_DEPARTED(8),

	/** A touch ended. */
	TOUCH_END(9),

	/** A touch was cancelled. */
	TOUCH_CANCEL(10),

	/** A code this version does not know. */
	UNKNOWN(-1);

	private final int code;

	MouseInteractionType(int code) {
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
	 * Find the kind of a wire code.
	 * @param code a wire code
	 * @return the kind, {@link #UNKNOWN} for codes not known
	 */
	public static MouseInteractionType fromCode(int code) {
		for (MouseInteractionType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
