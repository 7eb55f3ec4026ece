package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import dev.replay.core.segment.ClientText;
import dev.replay.ingest.segment.IntakeAvailability;
import dev.replay.ingest.segment.IntakeUnavailableException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives what the Datadog SDKs send, at Datadog's own paths or through the
 * {@code proxy} endpoint whose {@code ddforward} parameter names the path. Query
 * parameters are decoded from the raw query string: asking the servlet container for a
 * parameter of a multipart request would make it consume the body.
 */
@RestController
@Tag(name = "Intake")
@SecurityScheme(name = "datadogClientToken", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
		paramName = "DD-API-KEY", description = "A client token, as the Datadog SDKs send their client token.")
@SecurityScheme(name = "datadogClientTokenQuery", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.QUERY,
		paramName = "dd-api-key", description = "A client token, as the Datadog browser SDK sends it.")
@SecurityRequirement(name = "datadogClientToken")
@SecurityRequirement(name = "datadogClientTokenQuery")
@ApiResponse(responseCode = "202", description = "Committed, or a repeat of a stored upload.",
		content = @Content(schema = @Schema(implementation = DatadogReceipt.class)))
@ApiResponse(responseCode = "401",
		description = "The client token is missing, unknown or revoked "
				+ "(https://replay.dev/problems/invalid-client-token).")
@ApiResponse(responseCode = "403",
		description = "The client token may not write to the application, or the "
				+ "application does not exist (https://replay.dev/problems/application-not-allowed).")
@ApiResponse(responseCode = "413",
		description = "The body is larger than replay.ingest.max-body-size, or "
				+ "inflates past replay.ingest.max-inflated-size (https://replay.dev/problems/payload-too-large).")
@ApiResponse(responseCode = "415",
		description = "The Content-Encoding is not one of those accepted, or an image "
				+ "is of an unknown type (https://replay.dev/problems/unsupported-media-type).")
@ApiResponse(responseCode = "503",
		description = "The intake is overloaded or its database is unreachable; "
				+ "retry after Retry-After seconds (https://replay.dev/problems/service-unavailable).",
		headers = @Header(name = HttpHeaders.RETRY_AFTER, description = "Seconds to wait before retrying",
				schema = @Schema(type = "integer", minimum = "1")))
class DatadogIntakeController {

	static final String PROXY_PATH = "/intake";

	/** The paths this controller reads bodies of itself. */
	static final Set<String> PATHS = Set.of(PROXY_PATH, DatadogTrack.REPLAY.path(), DatadogTrack.RUM.path(),
			DatadogTrack.LOGS.path());

	private static final int MAX_REQUEST_ID_LENGTH = 128;

	private final DatadogIntake intake;

	private final IntakeAvailability availability;

	DatadogIntakeController(DatadogIntake intake, IntakeAvailability availability) {
		this.intake = intake;
		this.availability = availability;
	}

	@PostMapping("/api/v2/replay")
	@DatadogUploadParameters
	@Operation(operationId = "uploadDatadogReplay", summary = "Upload Datadog replay segments or images",
			description = "The Datadog SDKs' replay upload, multipart: a browser segment (a 'segment' part, "
					+ "zlib-compressed, and an 'event' part with its metadata), mobile segments ('segment' parts "
					+ "and an 'event' part holding an array), or images ('image' parts and an 'event' part "
					+ "{\"type\": \"resource\"}). Segments are stored as sent and converted to rrweb when "
					+ "played. A retry with the same dd-request-id, or of the same (session, view, start, end, "
					+ "records), stores nothing new.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "multipart/form-data",
							schemaProperties = {
									@SchemaProperty(name = "segment",
											array = @ArraySchema(schema = @Schema(type = "string", format = "binary"))),
									@SchemaProperty(
											name = "event",
											schema = @Schema(type = "string", format = "binary",
													requiredMode = Schema.RequiredMode.REQUIRED)),
									@SchemaProperty(name = "image",
											array = @ArraySchema(
													schema = @Schema(type = "string", format = "binary"))) })))
	@ApiResponse(responseCode = "400",
			description = "The multipart body or a part cannot be read "
					+ "(https://replay.dev/problems/malformed-body), or a segment or its metadata is not valid "
					+ "(https://replay.dev/problems/malformed-segment).")
	@ApiResponse(responseCode = "409",
			description = "A session id belongs to another application "
					+ "(https://replay.dev/problems/session-conflict).")
	@ApiResponse(responseCode = "410", description = "A session was deleted or erased and is not recorded again "
			+ "(https://replay.dev/problems/session-gone).")
	ResponseEntity<DatadogReceipt> replay(HttpServletRequest request) throws IOException {
		return accept(DatadogTrack.REPLAY, QueryString.parse(request.getQueryString()), request);
	}

	@PostMapping("/api/v2/rum")
	@DatadogUploadParameters
	@Operation(operationId = "uploadDatadogRum", summary = "Upload a batch of Datadog RUM events",
			description = "The Datadog SDKs' RUM batch, newline-delimited JSON. It is kept raw and each valid "
					+ "event is also stored typed, once (a repeated request or event adds nothing). Lines that "
					+ "are not JSON objects or not valid RUM events (no type, date, session id or application "
					+ "id, or a date outside the accepted window) are counted as skipped.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/plain",
							schema = @Schema(type = "string", description = "one JSON event per line"))))
	@ApiResponse(responseCode = "400", description = "The body cannot be decoded or holds no events "
			+ "(https://replay.dev/problems/malformed-body).")
	ResponseEntity<DatadogReceipt> rum(HttpServletRequest request) throws IOException {
		return accept(DatadogTrack.RUM, QueryString.parse(request.getQueryString()), request);
	}

	@PostMapping("/api/v2/logs")
	@DatadogUploadParameters
	@Operation(operationId = "uploadDatadogLogs", summary = "Upload a batch of Datadog logs",
			description = "The Datadog SDKs' log batch, newline-delimited JSON, kept raw; lines that are not "
					+ "JSON objects are counted as skipped.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "text/plain",
							schema = @Schema(type = "string", description = "one JSON event per line"))))
	@ApiResponse(responseCode = "400", description = "The body cannot be decoded or holds no events "
			+ "(https://replay.dev/problems/malformed-body).")
	ResponseEntity<DatadogReceipt> logs(HttpServletRequest request) throws IOException {
		return accept(DatadogTrack.LOGS, QueryString.parse(request.getQueryString()), request);
	}

	@PostMapping(PROXY_PATH)
	@SecurityRequirement(name = "datadogClientToken")
	@Operation(operationId = "proxyDatadogUpload", summary = "Upload through the Datadog browser SDK's proxy",
			description = "The browser SDK's proxy option sends every upload here, naming in ddforward the "
					+ "path and query it is for: /api/v2/replay, /api/v2/rum or /api/v2/logs, which then takes "
					+ "the upload as described there. The query parameters of those paths (dd-api-key, the "
					+ "client token; dd-request-id; dd-evp-encoding) are read from ddforward's query.",
			parameters = {
					@Parameter(name = "ddforward", in = ParameterIn.QUERY, required = true,
							description = "the Datadog path and query the upload is for, e.g. "
									+ "/api/v2/rum?ddsource=browser&dd-api-key=...",
							schema = @Schema(type = "string")),
					@Parameter(name = "DD-REQUEST-ID", in = ParameterIn.HEADER,
							description = "the upload's id: a retry with the same id is stored once",
							schema = @Schema(maxLength = 128)),
					@Parameter(name = HttpHeaders.CONTENT_ENCODING, in = ParameterIn.HEADER,
							description = "how the body is compressed, if it is",
							schema = @Schema(allowableValues = { "gzip", "deflate", "identity" })) },
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = "text/plain",
									schema = @Schema(type = "string", description = "a RUM or log batch")),
							@Content(mediaType = "multipart/form-data",
									schema = @Schema(type = "object", description = "a replay upload")) }))
	@ApiResponse(responseCode = "400", description = "ddforward is missing or names no intake path "
			+ "(https://replay.dev/problems/invalid-proxy-request), or the upload cannot be read as for its "
			+ "path (https://replay.dev/problems/malformed-body, https://replay.dev/problems/malformed-segment).")
	@ApiResponse(responseCode = "409",
			description = "A replay upload's session id belongs to another application "
					+ "(https://replay.dev/problems/session-conflict).")
	@ApiResponse(responseCode = "410", description = "A replay upload's session was deleted or erased and is not "
			+ "recorded again (https://replay.dev/problems/session-gone).")
	ResponseEntity<DatadogReceipt> proxy(HttpServletRequest request) throws IOException {
		String forward = QueryString.parse(request.getQueryString()).get("ddforward");
		if (forward == null || forward.isBlank()) {
			throw new InvalidProxyRequestException("The ddforward parameter is required.");
		}
		String target = forward.strip();
		int scheme = target.indexOf("://");
		if (scheme >= 0) {
			int slash = target.indexOf('/', scheme + 3);
			target = (slash >= 0) ? target.substring(slash) : "/";
		}
		int question = target.indexOf('?');
		String path = (question >= 0) ? target.substring(0, question) : target;
		DatadogTrack track = DatadogTrack.ofPath(path)
			.orElseThrow(() -> new InvalidProxyRequestException(
					"ddforward must name /api/v2/replay, /api/v2/rum or /api/v2/logs."));
		return accept(track, QueryString.parse((question >= 0) ? target.substring(question + 1) : null), request);
	}

	private ResponseEntity<DatadogReceipt> accept(DatadogTrack track, Map<String, String> parameters,
			HttpServletRequest request) throws IOException {
		DatadogRequest datadog = new DatadogRequest(track,
				firstPresent(parameters.get("dd-api-key"), request.getHeader("DD-API-KEY")),
				requestId(firstPresent(parameters.get("dd-request-id"), request.getHeader("DD-REQUEST-ID"))),
				request.getContentType(), request.getHeader(HttpHeaders.CONTENT_ENCODING),
				"deflate".equalsIgnoreCase(parameters.get("dd-evp-encoding")),
				request.getHeader(HttpHeaders.USER_AGENT), request);
		DatadogReceipt receipt;
		try {
			receipt = this.intake.accept(datadog);
		}
		catch (RuntimeException ex) {
			IntakeUnavailableException unavailable = this.availability.translate(ex);
			throw (unavailable != null) ? unavailable : ex;
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
	}

	private static @Nullable String firstPresent(@Nullable String first, @Nullable String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

	private static @Nullable String requestId(@Nullable String value) {
		if (value == null || value.isBlank() || value.length() > MAX_REQUEST_ID_LENGTH
				|| ClientText.hasControl(value)) {
			return null;
		}
		return value.strip();
	}

}
