package dev.replay.core.privacy;

import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * What a redaction removes from a stored recording: every occurrence of a text, the
 * content of the elements a CSS selector matches, or both.
 *
 * @param text a text masked wherever it occurs (text nodes, attributes, input values,
 * URLs), case-sensitive, or {@code null}
 * @param selector a CSS selector whose elements have their text, input values and
 * attributes masked and their images blanked, or {@code null}
 */
public record RedactionRule(@Nullable String text, @Nullable String selector) {

	/** The longest text a rule may name, in characters. */
	public static final int MAX_TEXT_LENGTH = 500;

	/** The longest selector a rule may name, in characters. */
	public static final int MAX_SELECTOR_LENGTH = 500;

	/**
	 * Create a rule, checking it.
	 * @throws IllegalArgumentException if it names neither a text nor a selector, if the
	 * text is blank or too long, or if the selector is not a valid CSS selector
	 */
	public RedactionRule {
		if (text == null && selector == null) {
			throw new IllegalArgumentException("A redaction needs a text, a selector or both.");
		}
		if (text != null && text.isBlank()) {
			throw new IllegalArgumentException("The text to redact must not be blank.");
		}
		if (text != null && text.length() > MAX_TEXT_LENGTH) {
			throw new IllegalArgumentException(
					"The text to redact must be at most " + MAX_TEXT_LENGTH + " characters long.");
		}
		if (selector != null) {
			if (selector.isBlank() || selector.length() > MAX_SELECTOR_LENGTH) {
				throw new IllegalArgumentException(
						"The selector must be a CSS selector of 1 to " + MAX_SELECTOR_LENGTH + " characters.");
			}
			try {
				QueryParser.parse(selector);
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				throw new IllegalArgumentException("The selector is not a valid CSS selector: " + ex.getMessage());
			}
		}
	}

}
