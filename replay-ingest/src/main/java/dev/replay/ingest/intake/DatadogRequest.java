package dev.replay.ingest.intake;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What arrived with a Datadog SDK request, directly or through the proxy endpoint, before
 * anything was checked.
 *
 * @param track the intake track
 * @param token the client token ({@code dd-api-key} or {@code DD-API-KEY})
 * @param requestId the client's request id ({@code dd-request-id} or
 * {@code DD-REQUEST-ID}), if usable
 * @param contentType the {@code Content-Type} header
 * @param contentEncoding the {@code Content-Encoding} header
 * @param evpDeflate whether {@code dd-evp-encoding=deflate} says the body is zlib
 * @param userAgent the {@code User-Agent} header
 * @param request the request, for its body
 */
record DatadogRequest(DatadogTrack track, @Nullable String token, @Nullable String requestId,
		@Nullable String contentType, @Nullable String contentEncoding, boolean evpDeflate, @Nullable String userAgent,
		HttpServletRequest request) {

	/**
	 * The id the answer carries.
	 * @return the client's request id, or a new one when it sent none
	 */
	String receiptId() {
		return (this.requestId != null) ? this.requestId : UUID.randomUUID().toString();
	}

}
