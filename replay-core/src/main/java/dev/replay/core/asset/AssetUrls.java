package dev.replay.core.asset;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Turns URLs as a page wrote them into the absolute form that assets are keyed by: only
 * {@code http} and {@code https}, without fragment, and no longer than
 * {@link #MAX_LENGTH}.
 */
final class AssetUrls {

	/** The longest URL kept, in characters; longer ones are ignored. */
	static final int MAX_LENGTH = 2048;

	// characters that browsers accept in URLs but java.net.URI does not
	private static final String UNSAFE = " \"<>\\^`{|}";

	private AssetUrls() {
	}

	/**
	 * Parse the URL that relative URLs are resolved against.
	 * @param href an absolute URL, typically the page URL of a Meta event
	 * @return the base, or {@code null} when it is not an absolute URL
	 */
	static @Nullable URI base(@Nullable String href) {
		if (href == null || href.isBlank() || href.length() > MAX_LENGTH) {
			return null;
		}
		URI uri = parse(href.strip());
		if (uri == null || !uri.isAbsolute() || uri.isOpaque()) {
			return null;
		}
		// URI.resolve loses the slash between authority and a relative path when the
		// base has an empty path
		return (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? uri.resolve("/") : uri;
	}

	/**
	 * Resolve a URL as written in a page or style sheet.
	 * @param value the URL as written, possibly relative
	 * @param base the URL to resolve relative URLs against, or {@code null} when unknown
	 * @return the absolute URL without fragment, or {@code null} when it is not an
	 * {@code http(s)} URL, cannot be resolved or is too long
	 */
	static @Nullable String resolve(String value, @Nullable URI base) {
		String url = withoutFragment(value.strip());
		if (url.isEmpty() || url.length() > MAX_LENGTH) {
			return null;
		}
		if (hasScheme(url)) {
			return isHttp(url) ? url : null;
		}
		if (base == null) {
			return null;
		}
		URI reference = parse(url);
		if (reference == null) {
			return null;
		}
		try {
			String resolved = withoutFragment(base.resolve(reference).toString());
			return (isHttp(resolved) && resolved.length() <= MAX_LENGTH) ? resolved : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * Whether a URL is an absolute {@code http} or {@code https} URL with an authority.
	 * @param url the URL
	 * @return whether assets may be fetched from it
	 */
	static boolean isHttp(String url) {
		return (startsWithIgnoreCase(url, "http://") && url.length() > 7)
				|| (startsWithIgnoreCase(url, "https://") && url.length() > 8);
	}

	/**
	 * The URLs of a {@code srcset} attribute, following the HTML parsing rules: a URL is
	 * a run of non-space characters without trailing commas, its descriptors run to the
	 * next comma outside parentheses.
	 * @param srcset the attribute value
	 * @return the candidates' URLs as written
	 */
	static List<String> srcset(String srcset) {
		List<String> urls = new ArrayList<>();
		int length = srcset.length();
		int i = 0;
		while (i < length) {
			while (i < length && (isSpace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
				i++;
			}
			int start = i;
			while (i < length && !isSpace(srcset.charAt(i))) {
				i++;
			}
			int end = i;
			boolean endsCandidate = false;
			while (end > start && srcset.charAt(end - 1) == ',') {
				end--;
				endsCandidate = true;
			}
			if (end > start) {
				urls.add(srcset.substring(start, end));
			}
			if (!endsCandidate) {
				i = skipDescriptors(srcset, i);
			}
		}
		return urls;
	}

	private static int skipDescriptors(String srcset, int from) {
		int depth = 0;
		int i = from;
		while (i < srcset.length()) {
			char c = srcset.charAt(i);
			if (c == '(') {
				depth++;
			}
			else if (c == ')' && depth > 0) {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				return i + 1;
			}
			i++;
		}
		return i;
	}

	static String withoutFragment(String url) {
		int hash = url.indexOf('#');
		return (hash < 0) ? url : url.substring(0, hash);
	}

	private static boolean hasScheme(String url) {
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == ':') {
				return i > 0;
			}
			boolean schemeChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
					|| (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
			if (!schemeChar) {
				return false;
			}
		}
		return false;
	}

	private static boolean startsWithIgnoreCase(String text, String prefix) {
		return text.regionMatches(true, 0, prefix, 0, prefix.length());
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
	}

	private static @Nullable URI parse(String url) {
		try {
			return new URI(escapeUnsafe(url));
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String escapeUnsafe(String url) {
		StringBuilder escaped = null;
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			boolean unsafe = c < 0x20 || c == 0x7f || UNSAFE.indexOf(c) >= 0;
			if (unsafe && escaped == null) {
				escaped = new StringBuilder(url.length() + 16).append(url, 0, i);
			}
			if (escaped != null) {
				if (unsafe) {
					escaped.append('%')
						.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
						.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
				}
				else {
					escaped.append(c);
				}
			}
		}
		return (escaped != null) ? escaped.toString() : url;
	}

}
