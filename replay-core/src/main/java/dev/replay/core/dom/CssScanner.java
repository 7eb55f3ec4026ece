package dev.replay.core.dom;

/**
 * A cursor over CSS text that knows enough of the syntax (strings, comments, nesting) to
 * find where rules and declarations end.
 */
final class CssScanner {

	private final String css;

	private int position;

	CssScanner(String css) {
		this.css = css;
	}

	int position() {
		return this.position;
	}

	String text(int start, int end) {
		return this.css.substring(start, end);
	}

	void advance() {
		this.position = Math.min(this.css.length(), this.position + 1);
	}

	/**
	 * Skip white space and comments.
	 * @return whether text remains
	 */
	boolean skipSpaceAndComments() {
		while (this.position < this.css.length()) {
			char c = this.css.charAt(this.position);
			if (Character.isWhitespace(c)) {
				this.position++;
			}
			else if (c == '/' && this.css.startsWith("/*", this.position)) {
				skipComment();
			}
			else {
				return true;
			}
		}
		return false;
	}

	/**
	 * Move to the first of the given characters outside strings, comments, parentheses
	 * and brackets.
	 * @param stops the characters to stop at
	 * @return the character found, or {@code 0} at the end of the text
	 */
	char skipTo(String stops) {
		int depth = 0;
		while (this.position < this.css.length()) {
			char c = this.css.charAt(this.position);
			if (depth == 0 && stops.indexOf(c) >= 0) {
				return c;
			}
			if (c == '"' || c == '\'') {
				skipString(c);
				continue;
			}
			if (c == '/' && this.css.startsWith("/*", this.position)) {
				skipComment();
				continue;
			}
			if (c == '(' || c == '[') {
				depth++;
			}
			else if ((c == ')' || c == ']') && depth > 0) {
				depth--;
			}
			this.position++;
		}
		return 0;
	}

	/**
	 * Move past the {@code }} that closes the block just opened.
	 */
	void skipBlock() {
		int depth = 1;
		while (this.position < this.css.length() && depth > 0) {
			char c = this.css.charAt(this.position);
			if (c == '"' || c == '\'') {
				skipString(c);
				continue;
			}
			if (c == '/' && this.css.startsWith("/*", this.position)) {
				skipComment();
				continue;
			}
			if (c == '{') {
				depth++;
			}
			else if (c == '}') {
				depth--;
			}
			this.position++;
		}
	}

	private void skipString(char quote) {
		this.position++;
		while (this.position < this.css.length()) {
			char c = this.css.charAt(this.position++);
			if (c == '\\') {
				this.position++;
			}
			else if (c == quote || c == '\n') {
				return;
			}
		}
	}

	private void skipComment() {
		int end = this.css.indexOf("*/", this.position + 2);
		this.position = (end < 0) ? this.css.length() : end + 2;
	}

}
