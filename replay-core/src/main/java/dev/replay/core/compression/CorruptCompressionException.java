package dev.replay.core.compression;

import java.io.IOException;

/**
 * Thrown when compressed bytes cannot be inflated: a truncated stream, a bad checksum or
 * data that is not in the announced format.
 */
public class CorruptCompressionException extends IOException {

	private static final long serialVersionUID = 1L;

	public CorruptCompressionException(String message, Throwable cause) {
		super(message, cause);
	}

}
