package dev.replay.core.rrweb;

import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.RecordingContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads the optional {@code context} object of a native batch, ignoring what it does not
 * know and any value of the wrong type, and replacing control characters.
 */
final class ContextReader {

	private static final int MAX_LENGTH = 2048;

	private ContextReader() {
	}

	static RecordingContext read(JsonParser parser, JsonToken value) {
		if (value != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return RecordingContext.EMPTY;
		}
		String url = null;
		String userAgent = null;
		String[] user = new String[3];
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken token = parser.nextToken();
			switch (name) {
				case "url" -> url = string(parser, token);
				case "userAgent" -> userAgent = string(parser, token);
				case "user" -> readUser(parser, token, user);
				default -> parser.skipChildren();
			}
		}
		return new RecordingContext(url, userAgent, user[0], user[1], user[2]);
	}

	private static void readUser(JsonParser parser, JsonToken token, String[] user) {
		if (token != JsonToken.START_OBJECT) {
			parser.skipChildren();
			return;
		}
		String name;
		while ((name = parser.nextName()) != null) {
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> user[0] = string(parser, value);
				case "name" -> user[1] = string(parser, value);
				case "email" -> user[2] = string(parser, value);
				default -> parser.skipChildren();
			}
		}
	}

	private static @Nullable String string(JsonParser parser, JsonToken token) {
		if (token == JsonToken.VALUE_STRING) {
			String text = parser.getString();
			return ClientText.storable((text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) : text);
		}
		if (token == JsonToken.VALUE_NUMBER_INT) {
			return parser.getString();
		}
		parser.skipChildren();
		return null;
	}

}
