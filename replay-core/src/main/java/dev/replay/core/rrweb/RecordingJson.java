package dev.replay.core.rrweb;

import java.io.IOException;

import dev.replay.core.compression.CorruptCompressionException;
import dev.replay.core.compression.InflatedSizeLimitExceededException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON settings used for recordings: deep enough for real DOM trees, shallow enough
 * that a hostile nesting cannot exhaust the stack.
 */
public final class RecordingJson {

	/** The deepest JSON nesting accepted in a recording. */
	public static final int MAX_NESTING_DEPTH = 4000;

	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(MAX_NESTING_DEPTH)
				.maxStringLength(64 * 1024 * 1024)
				.build())
			.build())
		.build();

	private RecordingJson() {
	}

	/**
	 * The shared mapper, safe for concurrent use.
	 * @return never {@code null}
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * Turn Jackson's wrapper around a failure of the inflating stream back into that
	 * failure, so that size limits and corrupt compression reach the caller as
	 * themselves. Any other I/O failure that Jackson reports comes from the text itself
	 * (an encoding that is no JSON encoding, for example) and stays a malformed-JSON
	 * failure.
	 * @param ex a Jackson exception
	 * @throws IOException the inflating stream's failure, if that is the cause
	 */
	public static void rethrowIoCause(JacksonException ex) throws IOException {
		if (ex instanceof JacksonIOException && (ex.getCause() instanceof InflatedSizeLimitExceededException
				|| ex.getCause() instanceof CorruptCompressionException)) {
			throw (IOException) ex.getCause();
		}
	}

}
