package dev.replay.core.datadog;

/**
 * Thrown when a Datadog replay segment cannot be decoded: invalid JSON, a missing
 * {@code records} array, or a change that refers to a node or string that does not exist.
 */
public class DatadogFormatException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message what is wrong with the segment
	 */
	public DatadogFormatException(String message) {
		super(message);
	}

	/**
	 * Create a new exception.
	 * @param message what is wrong with the segment
	 * @param cause the underlying parse failure
	 */
	public DatadogFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
