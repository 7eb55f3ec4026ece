package dev.replay.api.web;

import dev.replay.ingest.InvalidParameterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request whose query string carries a control character (NUL, the other C0
 * characters or DEL, percent-encoded), whatever the parameter: no search filter, cursor,
 * name or id has one, and PostgreSQL's {@code text} cannot hold NUL (ADR 0015). It reads
 * the raw query string once; in UTF-8 no other character encodes to those bytes.
 */
class ControlCharacterCheck implements HandlerInterceptor {

	private static final int DELETE = 0x7F;

	private static final int RADIX = 16;

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (hasControl(request.getQueryString())) {
			throw new InvalidParameterException("A query parameter holds a control character.");
		}
		return true;
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
