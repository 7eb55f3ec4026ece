package dev.replay.core.codec;

import java.io.CharConversionException;
import java.io.IOException;

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
	 * Turn Jackson's wrapper around an I/O failure back into the I/O failure, so that
	 * size limits and corrupt compression reach the caller as themselves.
	 * @param ex a Jackson exception
	 * @throws IOException the wrapped I/O failure, if there is one
	 */
	static void rethrowIoCause(JacksonException ex) throws IOException {
		// a CharConversionException is text that is no JSON encoding: bad content, not
		// I/O
		if (ex instanceof JacksonIOException && ex.getCause() instanceof IOException io
				&& !(io instanceof CharConversionException)) {
			throw io;
		}
	}

}
