package dev.replay.ingest.erasure;

import java.util.UUID;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.web.ErrorResponseException;

/**
 * Thrown when no erasure has the id asked for.
 */
@NamedInterface("api")
public class ErasureNotFoundException extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public ErasureNotFoundException(UUID id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.ERASURE_NOT_FOUND,
				"Erasure not found", "No erasure " + id + "."), null);
	}

}
