package dev.replay.core.compression;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How the bytes of a stored or received segment are compressed.
 */
public enum ContentEncoding {

	/** Not compressed. */
	IDENTITY("identity"),

	/** gzip (RFC 1952), as sent by our recorder script. */
	GZIP("gzip"),

	/** zlib (RFC 1950), the HTTP {@code deflate} coding and Datadog's segment format. */
	ZLIB("zlib"),

	/** Raw deflate (RFC 1951), what some clients send as {@code deflate}. */
	DEFLATE_RAW("deflate-raw");

	private final String code;

	ContentEncoding(String code) {
		this.code = code;
	}

	/**
	 * The name stored in the database.
	 * @return never {@code null}
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Find the encoding stored under a name.
	 * @param code a value of {@link #code()}
	 * @return the encoding
	 */
	public static ContentEncoding fromCode(String code) {
		for (ContentEncoding encoding : values()) {
			if (encoding.code.equals(code)) {
				return encoding;
			}
		}
		throw new IllegalArgumentException("Unknown content encoding '" + code + "'");
	}

	/**
	 * Map an HTTP {@code Content-Encoding} header to an encoding; {@code deflate} is
	 * reported as {@link #ZLIB} and told apart from raw deflate when the bytes are read.
	 * @param header the header value, may be {@code null}
	 * @return the encoding, or empty when the coding is not supported
	 */
	public static Optional<ContentEncoding> fromHttpHeader(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return Optional.of(IDENTITY);
		}
		return switch (header.trim().toLowerCase(Locale.ROOT)) {
			case "identity" -> Optional.of(IDENTITY);
			case "gzip", "x-gzip" -> Optional.of(GZIP);
			case "deflate" -> Optional.of(ZLIB);
			default -> Optional.empty();
		};
	}

}
