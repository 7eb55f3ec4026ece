package dev.replay.ingest.intake;

import java.io.IOException;

import dev.replay.ingest.segment.IntakeAvailability;
import dev.replay.ingest.segment.IntakeUnavailableException;
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
class NativeIntakeController {

	static final String TOKEN_HEADER = "X-Replay-Token";

	private final SegmentIntake intake;

	private final IntakeAvailability availability;

	NativeIntakeController(SegmentIntake intake, IntakeAvailability availability) {
		this.intake = intake;
		this.availability = availability;
	}

	@PostMapping("/ingest/v1/sessions/{sessionId}/segments")
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
