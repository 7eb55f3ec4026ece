package dev.replay.core.privacy;

import java.nio.charset.StandardCharsets;

/**
 * Searches in the UTF-8 text of a JSON event without parsing it, so that events that
 * cannot carry a value to change pass through untouched.
 */
public final class JsonBytes {

	private static final byte[] ATTRIBUTES = "\"attributes\"".getBytes(StandardCharsets.UTF_8);

	private JsonBytes() {
	}

	/**
	 * Whether a JSON text has an {@code attributes} key whose value is a non-empty array,
	 * as an rrweb mutation that changes attributes has.
	 * @param json the UTF-8 JSON text
	 * @return whether it may change attributes
	 */
	public static boolean hasAttributeChanges(byte[] json) {
		int at = indexOf(json, ATTRIBUTES, 0);
		while (at >= 0) {
			int i = skipWhitespace(json, at + ATTRIBUTES.length);
			if (i < json.length && json[i] == ':') {
				i = skipWhitespace(json, i + 1);
				if (i < json.length && json[i] == '[') {
					i = skipWhitespace(json, i + 1);
					if (i < json.length && json[i] != ']') {
						return true;
					}
				}
			}
			at = indexOf(json, ATTRIBUTES, at + ATTRIBUTES.length);
		}
		return false;
	}

	private static int skipWhitespace(byte[] json, int from) {
		int i = from;
		while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
			i++;
		}
		return i;
	}

	// whether a position of a JSON text is inside a string, so that masking it keeps the
	// JSON valid (a typed number must not mask a timestamp)
	static boolean insideString(byte[] json, int position) {
		boolean inside = false;
		for (int i = 0; i < position; i++) {
			if (json[i] == '\\' && inside) {
				i++;
			}
			else if (json[i] == '"') {
				inside = !inside;
			}
		}
		return inside;
	}

	static boolean isKey(byte[] json, int end) {
		return end + 1 < json.length && json[end] == '"' && json[end + 1] == ':';
	}

	/**
	 * The first position of a byte sequence in another.
	 * @param haystack where to look
	 * @param needle what to look for, not empty
	 * @param from the first position to look at
	 * @return the position, or -1
	 */
	public static int indexOf(byte[] haystack, byte[] needle, int from) {
		int last = haystack.length - needle.length;
		byte first = needle[0];
		for (int i = from; i <= last; i++) {
			if (haystack[i] != first) {
				continue;
			}
			int j = 1;
			while (j < needle.length && haystack[i + j] == needle[j]) {
				j++;
			}
			if (j == needle.length) {
				return i;
			}
		}
		return -1;
	}

}
