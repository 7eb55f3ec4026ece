package dev.replay.core.segment;

import org.jspecify.annotations.Nullable;

/**
 * Rules for text a client sends. PostgreSQL's {@code text} cannot hold NUL, and other
 * control characters have no place in identifiers, URLs or names: identifiers that hold
 * one are refused, descriptive text has them replaced (see ADR 0015).
 */
public final class ClientText {

	private static final char REPLACEMENT = '\uFFFD';

	private static final char DELETE = '\u007F';

	private ClientText() {
	}

	/**
	 * Tell whether a text holds a control character other than tab, line feed and
	 * carriage return.
	 * @param text the text, may be {@code null}
	 * @return {@code true} if it holds NUL, another C0 control character or DEL
	 */
	public static boolean hasControl(@Nullable String text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (isControl(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Replace the control characters of a descriptive text (other than tab, line feed and
	 * carriage return) with U+FFFD.
	 * @param text the text
	 * @return the text itself when it holds none
	 */
	public static String storable(String text) {
		if (!hasControl(text)) {
			return text;
		}
		char[] chars = text.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			if (isControl(chars[i])) {
				chars[i] = REPLACEMENT;
			}
		}
		return new String(chars);
	}

	private static boolean isControl(char c) {
		return (c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == DELETE;
	}

}
