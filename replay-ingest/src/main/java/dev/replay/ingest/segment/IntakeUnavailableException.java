package dev.replay.ingest.segment;

import java.time.Duration;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when the intake cannot take a request now (overload, or the database is
 * unreachable), with the {@code Retry-After} that the SDKs honour.
 */
@NamedInterface("api")
public class IntakeUnavailableException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	IntakeUnavailableException(String detail, Duration retryAfter, @Nullable Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
				ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable", detail), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
	}

	IntakeUnavailableException(String detail, Duration retryAfter) {
		this(detail, retryAfter, null);
	}

}
