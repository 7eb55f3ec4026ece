package dev.replay.ingest;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds the problem bodies of Replay's exceptions.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Create a problem.
	 * @param status the HTTP status
	 * @param type one of {@link ProblemTypes}
	 * @param title a short summary that does not change between occurrences
	 * @param detail what happened this time; never payload contents
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
