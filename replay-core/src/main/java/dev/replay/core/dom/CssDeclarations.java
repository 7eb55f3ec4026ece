package dev.replay.core.dom;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The declarations of a {@code style} attribute or of a style rule, in order, so that
 * single properties can be set and removed as {@code CSSStyleDeclaration} does.
 */
final class CssDeclarations {

	private static final String IMPORTANT = "!important";

	private final Map<String, String> values = new LinkedHashMap<>();

	private CssDeclarations() {
	}

	static CssDeclarations parse(String text) {
		CssDeclarations declarations = new CssDeclarations();
		CssScanner scanner = new CssScanner(text);
		while (scanner.skipSpaceAndComments()) {
			int start = scanner.position();
			scanner.skipTo(";");
			String declaration = scanner.text(start, scanner.position());
			scanner.advance();
			int colon = declaration.indexOf(':');
			if (colon > 0) {
				String property = declaration.substring(0, colon).trim();
				String value = declaration.substring(colon + 1).trim();
				declarations.values.put(property.startsWith("--") ? property : property.toLowerCase(Locale.ROOT),
						value);
			}
		}
		return declarations;
	}

	/**
	 * Set or remove a property.
	 * @param property the property
	 * @param value the value, {@code null} or empty to remove it
	 * @return this
	 */
	CssDeclarations set(String property, Mutation.@Nullable StyleProperty value) {
		String name = property.startsWith("--") ? property : property.toLowerCase(Locale.ROOT);
		if (value == null || value.value().isEmpty()) {
			this.values.remove(name);
			return this;
		}
		String text = value.priority().isEmpty() ? value.value() : value.value() + " " + IMPORTANT;
		this.values.put(name, text);
		return this;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		this.values.forEach((property, value) -> {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(property).append(": ").append(value).append(';');
		});
		return text.toString();
	}

}
