package dev.replay.api.share;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret of a share link: 256 random bits, written in the link's URL as 43 characters
 * of URL-safe Base64, and kept only as its SHA-256.
 */
final class ShareLinkSecrets {

	private static final int BYTES = 32;

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private ShareLinkSecrets() {
	}

	static String generate() {
		byte[] bytes = new byte[BYTES];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Whether a text could be a secret at all, so that anything else is refused without a
	 * query.
	 * @param text the text from a URL
	 * @return whether it has a secret's shape
	 */
	static boolean hasShape(String text) {
		return SHAPE.matcher(text).matches();
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from the JDK", ex);
		}
	}

}
