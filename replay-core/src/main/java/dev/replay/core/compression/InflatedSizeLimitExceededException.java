package dev.replay.core.compression;

import java.io.IOException;

/**
 * Thrown while inflating when the inflated bytes pass the allowed maximum, so that a
 * small body that inflates to gigabytes is refused instead of buffered.
 */
public class InflatedSizeLimitExceededException extends IOException {

	private static final long serialVersionUID = 1L;

	private final long limit;

	public InflatedSizeLimitExceededException(long limit) {
		super("Inflated content exceeds " + limit + " bytes");
		this.limit = limit;
	}

	/**
	 * The limit that was passed.
	 * @return the maximum number of inflated bytes
	 */
	public long limit() {
		return this.limit;
	}

}
