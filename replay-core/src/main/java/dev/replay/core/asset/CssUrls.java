package dev.replay.core.asset;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the URLs in CSS text: {@code url(…)} with or without quotes, the strings of
 * {@code image-set()} and {@code @import}, skipping comments and other strings. A URL in
 * an {@code @font-face} rule is a {@link AssetKind#FONT font}, one that an
 * {@code @import} names a {@link AssetKind#STYLESHEET style sheet}, any other an
 * {@link AssetKind#IMAGE image}.
 */
final class CssUrls {

	private CssUrls() {
	}

	/**
	 * Find the URLs of a style sheet, a rule or declarations.
	 * @param css the CSS text
	 * @return the URLs in text order
	 */
	static List<CssUrl> find(String css) {
		if (css.indexOf('(') < 0 && css.indexOf('@') < 0) {
			return List.of();
		}
		return new Finder(css).find();
	}

	// CSS escapes: a backslash before up to six hex digits (and one optional space),
	// before
	// a newline (nothing) or before any other character (that character)
	static String unescape(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder result = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (c != '\\' || i >= text.length()) {
				result.append(c);
				continue;
			}
			int hexEnd = i;
			while (hexEnd < text.length() && hexEnd - i < 6 && Character.digit(text.charAt(hexEnd), 16) >= 0) {
				hexEnd++;
			}
			if (hexEnd > i) {
				int codePoint = Integer.parseInt(text, i, hexEnd, 16);
				result.appendCodePoint((codePoint == 0 || codePoint > Character.MAX_CODE_POINT) ? 0xfffd : codePoint);
				i = (hexEnd < text.length() && isSpace(text.charAt(hexEnd))) ? hexEnd + 1 : hexEnd;
			}
			else if (text.charAt(i) == '\n') {
				i++;
			}
			else {
				result.append(text.charAt(i++));
			}
		}
		return result.toString();
	}

	/**
	 * Write a URL into CSS where one was, keeping the quotes it had and adding quotes
	 * when a bare URL would not survive the characters of the new one.
	 * @param url the new URL
	 * @param quote the quote of the old one, or {@code 0} if unquoted
	 * @return the text to put between the old one's start and end
	 */
	static String write(String url, char quote) {
		if (quote == 0) {
			for (int i = 0; i < url.length(); i++) {
				char c = url.charAt(i);
				if (isSpace(c) || c == '(' || c == ')' || c == '"' || c == '\'' || c == '\\' || c < 0x20) {
					return '"' + escape(url, '"') + '"';
				}
			}
			return url;
		}
		return escape(url, quote);
	}

	private static String escape(String url, char quote) {
		StringBuilder escaped = new StringBuilder(url.length() + 8);
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == quote || c == '\\') {
				escaped.append('\\').append(c);
			}
			else if (c < 0x20) {
				escaped.append('\\').append(Integer.toHexString(c)).append(' ');
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static boolean isNameStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_' || c > 0x7f;
	}

	private static boolean isNameChar(char c) {
		return isNameStart(c) || (c >= '0' && c <= '9');
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

	/**
	 * A URL found in CSS text.
	 *
	 * @param value the URL with CSS escapes resolved, as written otherwise
	 * @param start where its text starts, inside the quotes if quoted
	 * @param end where its text ends, before the closing quote if quoted
	 * @param quote the quote around it, or {@code 0} if unquoted
	 * @param kind what the style sheet uses it for
	 */
	record CssUrl(String value, int start, int end, char quote, AssetKind kind) {

	}

	private static final class Finder {

		private final String css;

		private final List<CssUrl> urls = new ArrayList<>();

		private int position;

		private int blockDepth;

		private int fontFaceDepth = -1;

		private boolean fontFacePending;

		private boolean importPending;

		private int parenDepth;

		private int imageSetDepth = -1;

		Finder(String css) {
			this.css = css;
		}

		List<CssUrl> find() {
			int length = this.css.length();
			while (this.position < length) {
				char c = this.css.charAt(this.position);
				if (c == '/' && this.css.startsWith("/*", this.position)) {
					int end = this.css.indexOf("*/", this.position + 2);
					this.position = (end < 0) ? length : end + 2;
				}
				else if (c == '"' || c == '\'') {
					string(c);
				}
				else if (c == '@') {
					atKeyword();
				}
				else if (isNameStart(c) && (this.position == 0 || !isNameChar(this.css.charAt(this.position - 1)))) {
					name();
				}
				else {
					punctuation(c);
					this.position++;
				}
			}
			return this.urls;
		}

		private void punctuation(char c) {
			switch (c) {
				case '(' -> this.parenDepth++;
				case ')' -> {
					if (this.parenDepth == this.imageSetDepth) {
						this.imageSetDepth = -1;
					}
					this.parenDepth = Math.max(0, this.parenDepth - 1);
				}
				case '{' -> {
					this.blockDepth++;
					if (this.fontFacePending) {
						this.fontFaceDepth = this.blockDepth;
					}
					this.fontFacePending = false;
					this.importPending = false;
				}
				case '}' -> {
					if (this.blockDepth == this.fontFaceDepth) {
						this.fontFaceDepth = -1;
					}
					this.blockDepth = Math.max(0, this.blockDepth - 1);
				}
				case ';' -> {
					this.importPending = false;
					this.fontFacePending = false;
				}
				default -> {
				}
			}
		}

		private void atKeyword() {
			int start = ++this.position;
			while (this.position < this.css.length() && isNameChar(this.css.charAt(this.position))) {
				this.position++;
			}
			String keyword = this.css.substring(start, this.position);
			this.importPending = keyword.equalsIgnoreCase("import");
			this.fontFacePending = keyword.equalsIgnoreCase("font-face");
		}

		private void name() {
			int start = this.position;
			while (this.position < this.css.length() && isNameChar(this.css.charAt(this.position))) {
				this.position++;
			}
			if (this.position >= this.css.length() || this.css.charAt(this.position) != '(') {
				return;
			}
			String function = this.css.substring(start, this.position);
			this.position++;
			if (function.equalsIgnoreCase("url")) {
				url();
			}
			else {
				this.parenDepth++;
				if (function.regionMatches(true, function.length() - 9, "image-set", 0, 9)) {
					this.imageSetDepth = this.parenDepth;
				}
			}
		}

		// after "url(": a quoted string or a bare URL up to ")"
		private void url() {
			skipSpace();
			if (this.position >= this.css.length()) {
				return;
			}
			char c = this.css.charAt(this.position);
			if (c == '"' || c == '\'') {
				int start = this.position + 1;
				int end = stringEnd(c);
				add(start, end, c);
				skipSpace();
			}
			else {
				int start = this.position;
				while (this.position < this.css.length()) {
					char u = this.css.charAt(this.position);
					if (u == ')' || isSpace(u)) {
						break;
					}
					this.position += (u == '\\') ? 2 : 1;
				}
				int end = Math.min(this.position, this.css.length());
				if (end > start) {
					add(start, end, (char) 0);
				}
			}
			int close = this.css.indexOf(')', this.position);
			this.position = (close < 0) ? this.css.length() : close + 1;
			this.importPending = false;
		}

		private void string(char quote) {
			int start = this.position + 1;
			int end = stringEnd(quote);
			if (this.importPending || (this.imageSetDepth >= 0 && this.parenDepth == this.imageSetDepth)) {
				add(start, end, quote);
			}
			this.importPending = false;
		}

		// moves past the string that starts at the position; returns where its text ends
		private int stringEnd(char quote) {
			this.position++;
			while (this.position < this.css.length()) {
				char c = this.css.charAt(this.position);
				if (c == '\\') {
					this.position += 2;
				}
				else if (c == quote || c == '\n') {
					return this.position++;
				}
				else {
					this.position++;
				}
			}
			this.position = this.css.length();
			return this.position;
		}

		private void add(int start, int end, char quote) {
			String raw = this.css.substring(start, Math.min(end, this.css.length()));
			AssetKind kind = this.importPending ? AssetKind.STYLESHEET
					: (this.fontFaceDepth >= 0) ? AssetKind.FONT : AssetKind.IMAGE;
			this.urls.add(new CssUrl(unescape(raw), start, start + raw.length(), quote, kind));
		}

		private void skipSpace() {
			while (this.position < this.css.length() && isSpace(this.css.charAt(this.position))) {
				this.position++;
			}
		}

	}

}
