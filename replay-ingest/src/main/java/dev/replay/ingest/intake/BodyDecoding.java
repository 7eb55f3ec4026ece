package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import dev.replay.core.compression.BoundedInflation;
import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.compression.CorruptCompressionException;
import dev.replay.core.compression.InflatedSizeLimitExceededException;
import dev.replay.core.segment.Violation;
import dev.replay.ingest.segment.MalformedSegmentException;
import org.jspecify.annotations.Nullable;

/**
 * Inflates what clients send under a size cap, turning compression failures into the
 * intake's 400 and 413 answers.
 */
final class BodyDecoding {

	private BodyDecoding() {
	}

	/**
	 * Map a {@code Content-Encoding} header.
	 * @param header the header, may be {@code null}
	 * @return the encoding
	 * @throws UnsupportedBodyException for a coding the intake does not read
	 */
	static ContentEncoding encoding(@Nullable String header) {
		return ContentEncoding.fromHttpHeader(header)
			.orElseThrow(() -> new UnsupportedBodyException(
					"Content-Encoding must be gzip, deflate or identity; got '" + header + "'."));
	}

	/**
	 * Check a {@code Content-Type} against the media types a path accepts.
	 * @param contentType the header
	 * @param accepted the accepted types, lowercase
	 * @throws UnsupportedBodyException if it is not one of them
	 */
	static void requireMediaType(@Nullable String contentType, List<String> accepted) {
		String type = (contentType != null) ? contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT) : "";
		if (!accepted.contains(type)) {
			throw new UnsupportedBodyException(
					"Content-Type must be " + String.join(" or ", accepted) + "; got '" + type + "'.");
		}
	}

	/**
	 * Inflate a whole request body that was sent with a content coding.
	 * @param body the body as received
	 * @param encoding its content coding
	 * @param maxInflated the most bytes it may inflate to
	 * @return the decoded body
	 * @throws IOException if reading fails otherwise
	 */
	static byte[] decodeBody(byte[] body, ContentEncoding encoding, long maxInflated) throws IOException {
		if (encoding == ContentEncoding.IDENTITY) {
			return body;
		}
		return read("The request body", body, encoding, maxInflated, InputStream::readAllBytes,
				(message) -> new MalformedBodyException(
						"The request body cannot be decoded as " + encoding.code() + " (" + message + ")."));
	}

	/**
	 * Inflate compressed bytes and read them, mapping failures to answers.
	 * @param <T> what the reader returns
	 * @param what the thing inflated, for the 413 detail
	 * @param bytes the compressed bytes
	 * @param encoding how they are compressed
	 * @param maxInflated the most bytes they may inflate to
	 * @param reader reads the inflated stream
	 * @param corrupt makes the answer for corrupt compressed data, from a message
	 * @return what the reader returned
	 * @throws IOException if reading fails otherwise
	 */
	static <T> T read(String what, byte[] bytes, ContentEncoding encoding, long maxInflated, StreamReader<T> reader,
			CorruptAnswer corrupt) throws IOException {
		try (InputStream in = BoundedInflation.open(bytes, encoding, maxInflated)) {
			return reader.read(in);
		}
		catch (InflatedSizeLimitExceededException ex) {
			throw new PayloadTooLargeException(what + " once inflated", maxInflated);
		}
		catch (CorruptCompressionException ex) {
			throw corrupt.answer(ex.getMessage());
		}
	}

	/**
	 * The answer to a segment whose compressed bytes are corrupt.
	 * @param path where the segment is in the request
	 * @return the answer factory
	 */
	static CorruptAnswer corruptSegment(String path) {
		return (message) -> new MalformedSegmentException("A segment cannot be inflated as zlib.",
				List.of(new Violation(path, String.valueOf(message))));
	}

	/**
	 * Compress bytes with gzip, to store a body that arrived uncompressed.
	 * @param bytes the bytes
	 * @return the gzip stream
	 * @throws IOException never in practice
	 */
	static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	/**
	 * Reads an inflated stream.
	 *
	 * @param <T> what it returns
	 */
	@FunctionalInterface
	interface StreamReader<T> {

		T read(InputStream in) throws IOException;

	}

	/**
	 * Makes the answer for corrupt compressed data.
	 */
	@FunctionalInterface
	interface CorruptAnswer {

		RuntimeException answer(@Nullable String message);

	}

}
