package dev.replay.ingest.intake;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What arrived with a native batch, before anything was checked.
 *
 * @param sessionId the session id from the path
 * @param token the client token from the header or the query
 * @param contentType the {@code Content-Type} header
 * @param contentEncoding the {@code Content-Encoding} header
 * @param request the request, for its body
 */
record NativeRequest(String sessionId, @Nullable String token, @Nullable String contentType,
		@Nullable String contentEncoding, HttpServletRequest request) {

}
