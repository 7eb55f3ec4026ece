package dev.replay.ingest.segment;

import java.util.List;
import java.util.Map;

import dev.replay.core.segment.Violation;
import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Answered when a segment is not well-formed; the problem lists each violation with its
 * path.
 */
public class MalformedSegmentException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public MalformedSegmentException(String detail, List<Violation> violations) {
		super(HttpStatus.BAD_REQUEST, problem(detail, violations), null);
	}

	private static ProblemDetail problem(String detail, List<Violation> violations) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_SEGMENT, "Malformed segment",
				detail);
		problem.setProperty("violations",
				violations.stream().map((v) -> Map.of("path", v.path(), "message", v.message())).toList());
		return problem;
	}

}
