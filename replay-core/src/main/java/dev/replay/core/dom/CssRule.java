package dev.replay.core.dom;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One rule of a style sheet, as text: a statement ({@code @import ...;}), a rule with a
 * block of declarations, or a grouping rule ({@code @media}, {@code @supports}, ...)
 * whose block holds further rules, so that rules can be inserted and deleted by index
 * path the way the CSS object model does.
 */
final class CssRule {

	private static final List<String> GROUPING = List.of("@media", "@supports", "@layer", "@container", "@document",
			"@-moz-document", "@scope", "@starting-style");

	private final String prelude;

	private @Nullable String body;

	private final @Nullable List<CssRule> children;

	private CssRule(String prelude, @Nullable String body, @Nullable List<CssRule> children) {
		this.prelude = prelude;
		this.body = body;
		this.children = children;
	}

	/**
	 * Parse the top-level rules of a style sheet; text that is not a rule is dropped, as
	 * a browser drops it.
	 * @param css the sheet's text
	 * @return the rules, mutable
	 */
	static List<CssRule> parseSheet(String css) {
		List<CssRule> rules = new ArrayList<>();
		CssScanner scanner = new CssScanner(css);
		while (scanner.skipSpaceAndComments()) {
			int start = scanner.position();
			char end = scanner.skipTo("{;");
			String prelude = scanner.text(start, scanner.position()).trim();
			if (end == ';' || end == 0) {
				if (prelude.startsWith("@")) {
					rules.add(new CssRule(prelude, null, null));
				}
				scanner.advance();
				continue;
			}
			scanner.advance();
			int bodyStart = scanner.position();
			scanner.skipBlock();
			String body = scanner.text(bodyStart, Math.max(bodyStart, scanner.position() - 1));
			rules.add(isGrouping(prelude) ? new CssRule(prelude, null, parseSheet(body))
					: new CssRule(prelude, body.trim(), null));
		}
		return rules;
	}

	/**
	 * Parse one rule, as given to {@code insertRule}.
	 * @param css the rule's text
	 * @return the rule, or {@code null} when the text holds none
	 */
	static @Nullable CssRule parse(String css) {
		List<CssRule> rules = parseSheet(css);
		return rules.isEmpty() ? null : rules.get(0);
	}

	static String serialize(List<CssRule> rules) {
		StringBuilder css = new StringBuilder();
		for (CssRule rule : rules) {
			if (!css.isEmpty()) {
				css.append('\n');
			}
			rule.appendTo(css);
		}
		return css.toString();
	}

	private static boolean isGrouping(String prelude) {
		String lower = prelude.toLowerCase(Locale.ROOT);
		return GROUPING.stream()
			.anyMatch((name) -> lower.startsWith(name) && (lower.length() == name.length()
					|| !Character.isLetterOrDigit(lower.charAt(name.length())) && lower.charAt(name.length()) != '-'));
	}

	@Nullable List<CssRule> children() {
		return this.children;
	}

	/**
	 * Set or remove one property of a style rule.
	 * @param property the property
	 * @param value the value, {@code null} to remove it
	 */
	void setProperty(String property, Mutation.@Nullable StyleProperty value) {
		if (this.body != null) {
			this.body = CssDeclarations.parse(this.body).set(property, value).toString();
		}
	}

	private void appendTo(StringBuilder css) {
		if (this.body == null && this.children == null) {
			css.append(this.prelude).append(';');
		}
		else if (this.children != null) {
			css.append(this.prelude).append(" {\n").append(serialize(this.children)).append("\n}");
		}
		else {
			css.append(this.prelude).append(" { ").append(this.body).append(" }");
		}
	}

}
