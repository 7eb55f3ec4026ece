package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import dev.replay.core.segment.ClientText;
import dev.replay.ingest.segment.IntakeAvailability;
import dev.replay.ingest.segment.IntakeUnavailableException;
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
	ResponseEntity<DatadogReceipt> replay(HttpServletRequest request) throws IOException {
		return accept(DatadogTrack.REPLAY, QueryString.parse(request.getQueryString()), request);
	}

	@PostMapping("/api/v2/rum")
	ResponseEntity<DatadogReceipt> rum(HttpServletRequest request) throws IOException {
		return accept(DatadogTrack.RUM, QueryString.parse(request.getQueryString()), request);
	}

	@PostMapping("/api/v2/logs")
	ResponseEntity<DatadogReceipt> logs(HttpServletRequest request) throws IOException {
		return accept(DatadogTrack.LOGS, QueryString.parse(request.getQueryString()), request);
	}

	@PostMapping(PROXY_PATH)
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
