package dev.replay.ingest.intake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Decodes a query string by hand: on a multipart request the servlet container would
 * parse (and consume) the body to answer {@code getParameter}.
 */
final class QueryString {

	private QueryString() {
	}

	/**
	 * Decode a query string, keeping the first value of each name.
	 * @param query the raw query, without {@code ?}; may be {@code null}
	 * @return the parameters, in order
	 */
	static Map<String, String> parse(@Nullable String query) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (query == null || query.isEmpty()) {
			return parameters;
		}
		for (String pair : query.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
			parameters.putIfAbsent(name, value);
		}
		return parameters;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// a stray '%': keep the text as sent
			return text;
		}
	}

}
