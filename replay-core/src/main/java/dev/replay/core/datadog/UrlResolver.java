package dev.replay.core.datadog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Rewrites relative URLs in attributes and CSS to absolute ones, against the page URL of
 * the Meta record, as rrweb's recorder does; Datadog keeps them as written.
 */
final class UrlResolver {

	private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*(['\"]?)([^'\")]*)\\1\\s*\\)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CSS_IMPORT = Pattern.compile("@import\\s+(['\"])([^'\"]*)\\1",
			Pattern.CASE_INSENSITIVE);

	private @Nullable URI base;

	void setBase(@Nullable String href) {
		this.base = parse(href);
	}

	/**
	 * Resolve a URL-valued attribute the way rrweb's {@code transformAttribute} does.
	 * @param tagName the element's tag name
	 * @param name the attribute name
	 * @param value the attribute value as recorded
	 * @return the value to replay
	 */
	String attribute(String tagName, String name, String value) {
		String lowerName = name.toLowerCase(Locale.ROOT);
		return switch (lowerName) {
			case "src", "poster" -> url(value, this.base);
			case "href", "xlink:href" -> value.startsWith("#") ? value : url(value, this.base);
			case "background" -> (tagName.equals("table") || tagName.equals("td") || tagName.equals("th"))
					? url(value, this.base) : value;
			case "srcset" -> srcset(value);
			case "style" -> css(value, null);
			default -> value;
		};
	}

	/**
	 * Resolve {@code url(…)} and {@code @import} references of a style sheet.
	 * @param css the CSS text
	 * @param sheetHref the URL of the sheet when it comes from a {@code <link>}, resolved
	 * against the page, otherwise {@code null}
	 * @return the CSS with absolute URLs
	 */
	String css(String css, @Nullable String sheetHref) {
		URI sheetBase = (sheetHref != null) ? parse(sheetHref) : this.base;
		if (sheetBase == null || (css.indexOf("url(") < 0 && css.indexOf("@import") < 0)) {
			return css;
		}
		String withUrls = replace(CSS_URL.matcher(css), sheetBase, "url(%1$s%2$s%1$s)");
		return replace(CSS_IMPORT.matcher(withUrls), sheetBase, "@import %1$s%2$s%1$s");
	}

	String url(String value) {
		return url(value, this.base);
	}

	private String srcset(String value) {
		StringBuilder result = new StringBuilder();
		for (String candidate : value.split(",")) {
			String trimmed = candidate.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			int space = trimmed.indexOf(' ');
			String url = (space < 0) ? trimmed : trimmed.substring(0, space);
			String descriptor = (space < 0) ? "" : trimmed.substring(space);
			result.append((result.length() > 0) ? ", " : "").append(url(url, this.base)).append(descriptor);
		}
		return result.toString();
	}

	private static String replace(Matcher matcher, URI base, String format) {
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			String resolved = url(matcher.group(2), base);
			matcher.appendReplacement(result,
					Matcher.quoteReplacement(String.format(format, matcher.group(1), resolved)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String url(String value, @Nullable URI base) {
		String trimmed = value.trim();
		if (base == null || trimmed.isEmpty() || isAbsolute(trimmed)) {
			return value;
		}
		try {
			return base.resolve(trimmed).toString();
		}
		catch (IllegalArgumentException ex) {
			// not a URL (for example a masked value): keep it as recorded
			return value;
		}
	}

	private static boolean isAbsolute(String value) {
		int colon = value.indexOf(':');
		int slash = value.indexOf('/');
		return colon > 0 && (slash < 0 || colon < slash);
	}

	private static @Nullable URI parse(@Nullable String href) {
		if (href == null || href.isEmpty()) {
			return null;
		}
		try {
			URI uri = new URI(href);
			return uri.isAbsolute() ? uri : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
