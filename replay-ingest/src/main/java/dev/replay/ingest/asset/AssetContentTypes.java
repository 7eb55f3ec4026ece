package dev.replay.ingest.asset;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The media types kept: stylesheets ({@code text/css}), fonts ({@code font/*} and their
 * older {@code application/} names, {@code application/octet-stream} when the path ends
 * in a font's extension, as many servers label fonts) and images ({@code image/*}, SVG
 * included). Anything else, HTML and scripts first, is not an asset.
 */
final class AssetContentTypes {

	private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+");

	private static final Set<String> FONT_TYPES = Set.of("application/font-woff", "application/font-woff2",
			"application/vnd.ms-fontobject", "application/font-sfnt");

	private static final Set<String> FONT_EXTENSIONS = Set.of(".woff", ".woff2", ".ttf", ".otf", ".eot");

	private AssetContentTypes() {
	}

	/**
	 * The media type of a response if it is kept.
	 * @param contentType the {@code Content-Type} header, or {@code null} without one
	 * @param path the raw path of the URL the response came from
	 * @return the media type in lower case without parameters, or {@code null} if the
	 * response is not kept
	 */
	static @Nullable String accepted(@Nullable String contentType, String path) {
		if (contentType == null) {
			return null;
		}
		int semicolon = contentType.indexOf(';');
		String type = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).strip()
			.toLowerCase(Locale.ROOT);
		if (!MEDIA_TYPE.matcher(type).matches()) {
			return null;
		}
		boolean kept = type.equals("text/css") || type.startsWith("font/") || type.startsWith("image/")
				|| type.startsWith("application/x-font-") || FONT_TYPES.contains(type)
				|| (type.equals("application/octet-stream") && fontPath(path));
		return kept ? type : null;
	}

	private static boolean fontPath(String path) {
		String lower = path.toLowerCase(Locale.ROOT);
		return FONT_EXTENSIONS.stream().anyMatch(lower::endsWith);
	}

}
