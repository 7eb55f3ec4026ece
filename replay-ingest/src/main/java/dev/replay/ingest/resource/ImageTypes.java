package dev.replay.ingest.resource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

/**
 * Tells an image's media type from its first bytes, whatever its part claimed (Android
 * labels WebP images {@code image/png}).
 */
@NamedInterface("api")
public final class ImageTypes {

	private static final int SNIFF_LENGTH = 512;

	private ImageTypes() {
	}

	/**
	 * Sniff an image's media type.
	 * @param bytes the image
	 * @return {@code image/webp}, {@code image/png}, {@code image/jpeg},
	 * {@code image/gif} or {@code image/svg+xml}; empty for anything else
	 */
	public static Optional<String> sniff(byte[] bytes) {
		if (startsWith(bytes, 0, "RIFF") && startsWith(bytes, 8, "WEBP")) {
			return Optional.of("image/webp");
		}
		if (startsWith(bytes, 0, "\u0089PNG\r\n\u001a\n")) {
			return Optional.of("image/png");
		}
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, 0, "GIF87a") || startsWith(bytes, 0, "GIF89a")) {
			return Optional.of("image/gif");
		}
		String head = new String(bytes, 0, Math.min(bytes.length, SNIFF_LENGTH), StandardCharsets.UTF_8).stripLeading()
			.toLowerCase(Locale.ROOT);
		if (head.startsWith("\ufeff")) {
			head = head.substring(1).stripLeading();
		}
		if (head.startsWith("<svg") || (head.startsWith("<?xml") && head.contains("<svg"))) {
			return Optional.of("image/svg+xml");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] bytes, int offset, String magic) {
		byte[] expected = magic.getBytes(StandardCharsets.ISO_8859_1);
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if (bytes[offset + i] != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
