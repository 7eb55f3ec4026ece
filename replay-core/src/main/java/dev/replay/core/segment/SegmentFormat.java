package dev.replay.core.segment;

/**
 * The formats a segment is stored in, with the codes the database keeps for them.
 */
public enum SegmentFormat {

	/** A batch of rrweb events posted by our recorder script. */
	RRWEB("rrweb"),

	/** A segment of Datadog browser records. */
	DATADOG_BROWSER("datadog-browser"),

	/**
	 * A segment of Datadog mobile records (wireframes), from Android, iOS and the like.
	 */
	DATADOG_MOBILE("datadog-mobile");

	private final String code;

	SegmentFormat(String code) {
		this.code = code;
	}

	/**
	 * The code stored in the database.
	 * @return never {@code null}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Find the format stored under a code.
	 * @param code a value of {@link #code()}
	 * @return the format
	 * @throws IllegalArgumentException if no format has that code
	 */
	public static SegmentFormat fromCode(String code) {
		for (SegmentFormat format : values()) {
			if (format.code.equals(code)) {
				return format;
			}
		}
		throw new IllegalArgumentException("Unknown segment format '" + code + "'");
	}

}
