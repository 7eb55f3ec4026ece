package dev.replay.api.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.replay.ingest.session.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose query string carries a control character (NUL, the other C0
 * characters or DEL, percent-encoded), whatever the parameter: no search filter, cursor,
 * name or id has one, and PostgreSQL's {@code text} cannot hold NUL (ADR 0015), or that
 * is not UTF-8. It reads the raw query string; in UTF-8 no other character encodes to
 * those bytes.
 */
class ControlCharacterCheck implements HandlerInterceptor {

	private static final int DELETE = 0x7F;

	private static final int RADIX = 16;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String query = request.getQueryString();
		if (hasControl(query)) {
			throw new InvalidParameterException("A query parameter holds a control character.");
		}
		if (!isUtf8(query)) {
			throw new InvalidParameterException("The query string is not percent-encoded UTF-8.");
		}
		return true;
	}

	// the container would drop a parameter it cannot decode, and fail when asked for it
	static boolean isUtf8(@Nullable String query) {
		if (query == null || query.indexOf('%') < 0) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			int high = (c == '%' && i + 2 < query.length()) ? Character.digit(query.charAt(i + 1), RADIX) : -1;
			int low = (high >= 0) ? Character.digit(query.charAt(i + 2), RADIX) : -1;
			if (low >= 0) {
				bytes.write(high * RADIX + low);
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	static boolean hasControl(@Nullable String query) {
		if (query == null) {
			return false;
		}
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c < ' ' || c == DELETE) {
				return true;
			}
			if (c == '%' && i + 2 < query.length()) {
				int high = Character.digit(query.charAt(i + 1), RADIX);
				int low = Character.digit(query.charAt(i + 2), RADIX);
				if (high >= 0 && low >= 0 && (high < 2 || high * RADIX + low == DELETE)) {
					return true;
				}
			}
		}
		return false;
	}

}
