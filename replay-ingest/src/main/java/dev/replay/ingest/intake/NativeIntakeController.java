package dev.replay.ingest.intake;

import java.io.IOException;

import dev.replay.ingest.segment.IntakeAvailability;
import dev.replay.ingest.segment.IntakeUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives batches of rrweb events from our recorder script.
 */
@RestController
@Tag(name = "Intake")
@SecurityScheme(name = "clientToken", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
		paramName = NativeIntakeController.TOKEN_HEADER,
		description = "A client token (admin: POST /api/v1/client-tokens), which may only write.")
@SecurityScheme(name = "clientTokenQuery", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.QUERY,
		paramName = "token", description = "A client token, for beacons that cannot send headers.")
@SecurityRequirement(name = "clientToken")
@SecurityRequirement(name = "clientTokenQuery")
class NativeIntakeController {

	static final String TOKEN_HEADER = "X-Replay-Token";

	private final SegmentIntake intake;

	private final IntakeAvailability availability;

	NativeIntakeController(SegmentIntake intake, IntakeAvailability availability) {
		this.intake = intake;
		this.availability = availability;
	}

	@PostMapping("/ingest/v1/sessions/{sessionId}/segments")
	@Operation(operationId = "uploadSegment", summary = "Upload a batch of rrweb events",
			description = "Our recorder script's upload. The body is checked in one pass, then committed with "
					+ "the batches of concurrent requests; the answer comes only once it is durable. A repeat "
					+ "of the same (session, sequence) is stored once and answered duplicate: true. The body "
					+ "may be compressed (Content-Encoding) and may be sent as text/plain by beacons.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
					@Content(mediaType = "application/json",
							schema = @Schema(implementation = NativeSegmentBody.class)),
					@Content(mediaType = "text/plain", schema = @Schema(implementation = NativeSegmentBody.class)) }))
	@ApiResponse(responseCode = "202", description = "Committed, or a repeat of a stored batch.",
			content = @Content(schema = @Schema(implementation = SegmentReceipt.class)))
	@ApiResponse(responseCode = "400",
			description = "The session id, the body or its events are not valid; the "
					+ "problem lists violations (https://replay.dev/problems/malformed-segment).")
	@ApiResponse(responseCode = "401",
			description = "The client token is missing, unknown or revoked "
					+ "(https://replay.dev/problems/invalid-client-token).")
	@ApiResponse(responseCode = "403",
			description = "The client token may not write to the application, or "
					+ "the application does not exist (https://replay.dev/problems/application-not-allowed).")
	@ApiResponse(responseCode = "409",
			description = "The session id belongs to another application "
					+ "(https://replay.dev/problems/session-conflict).")
	@ApiResponse(responseCode = "410",
			description = "The session was deleted or erased and is not recorded again "
					+ "(https://replay.dev/problems/session-gone).")
	@ApiResponse(responseCode = "413",
			description = "The body is larger than replay.ingest.max-body-size, or "
					+ "inflates past replay.ingest.max-inflated-size (https://replay.dev/problems/payload-too-large).")
	@ApiResponse(responseCode = "415",
			description = "The Content-Type or Content-Encoding is not one of those "
					+ "accepted (https://replay.dev/problems/unsupported-media-type).")
	@ApiResponse(responseCode = "503",
			description = "The intake is overloaded or its database is unreachable; "
					+ "retry after Retry-After seconds (https://replay.dev/problems/service-unavailable).",
			headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait before retrying",
					schema = @Schema(type = "integer", minimum = "1")))
	@Parameter(name = "sessionId", description = "the session: 1 to 128 letters, digits, '.', '_', ':' or '-'")
	@Parameter(name = TOKEN_HEADER, in = ParameterIn.HEADER, hidden = true)
	@Parameter(name = HttpHeaders.CONTENT_TYPE, in = ParameterIn.HEADER, hidden = true)
	@Parameter(name = HttpHeaders.CONTENT_ENCODING, in = ParameterIn.HEADER,
			description = "how the body is compressed, if it is",
			schema = @Schema(allowableValues = { "gzip", "deflate", "identity" }))
	ResponseEntity<SegmentReceipt> accept(@PathVariable String sessionId,
			@RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String headerToken,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
			@RequestHeader(name = HttpHeaders.CONTENT_ENCODING, required = false) @Nullable String contentEncoding,
			HttpServletRequest request) throws IOException {
		String token = (headerToken != null) ? headerToken : request.getParameter("token");
		SegmentReceipt receipt;
		try {
			receipt = this.intake
				.acceptNative(new NativeRequest(sessionId, token, contentType, contentEncoding, request));
		}
		catch (RuntimeException ex) {
			IntakeUnavailableException unavailable = this.availability.translate(ex);
			throw (unavailable != null) ? unavailable : ex;
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
	}

}
