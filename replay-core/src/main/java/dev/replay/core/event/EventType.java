package dev.replay.core.event;

/**
 * rrweb's event types, with their wire codes.
 */
public enum EventType {

	/** The page's DOMContentLoaded. */
	DOM_CONTENT_LOADED(0),

	/** The page's load. */
	LOAD(1),

	/** The whole DOM. */
	FULL_SNAPSHOT(2),

	/** A change: DOM mutation, input, scroll, mouse... */
	INCREMENTAL_SNAPSHOT(3),

	/** A new page: URL and viewport size. */
	META(4),

	/** An event of the application's own. */
	CUSTOM(5),

	/** An event of a recorder plugin, such as the console. */
	PLUGIN(6),

	/** An asset (rrweb 2). */
	ASSET(7),

	/** A code this version does not know. */
	UNKNOWN(-1);

	private final int code;

	EventType(int code) {
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
	public static EventType fromCode(int code) {
		for (EventType type : values()) {
			if (type.code == code) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
