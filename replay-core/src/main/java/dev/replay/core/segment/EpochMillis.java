package dev.replay.core.segment;

/**
 * The range of timestamps a recording may carry: epoch milliseconds from 1970 to the end
 * of year 9999, the range that PostgreSQL's timestamps and our arithmetic on them hold.
 * Whether a timestamp is recent enough to be stored is the intake's decision.
 */
public final class EpochMillis {

	/** The latest timestamp, 9999-12-31T23:59:59.999Z. */
	public static final long MAX = 253_402_300_799_999L;

	/** What a violation says about a timestamp out of range. */
	public static final String RANGE = "must be epoch milliseconds from 0 to " + MAX;

	private EpochMillis() {
	}

	/**
	 * Tell whether a number read from JSON is a timestamp in range.
	 * @param value the number (a double, so that 1e18 and 2^70 are seen as they are)
	 * @return {@code false} for negative, too large, infinite or NaN values
	 */
	public static boolean isValid(double value) {
		return value >= 0 && value <= MAX;
	}

}
