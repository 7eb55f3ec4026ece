package dev.replay.api.web;

import java.net.URI;
import java.util.stream.Collectors;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error as {@code application/problem+json}: Spring MVC's own exceptions
 * and ours (each an {@code ErrorResponseException}) through the base class, and anything
 * unexpected as a generic 500 whose stack trace goes to the log only.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final URI BLANK = URI.create("about:blank");

	// Spring MVC's own 400s (unreadable parameters and bodies, failed constraints) get
	// our type
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && statusCode.value() == HttpStatus.BAD_REQUEST.value()
				&& (problem.getType() == null || BLANK.equals(problem.getType()))) {
			problem.setType(ProblemTypes.BAD_REQUEST);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	// a constraint on a parameter of a @Validated controller
	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail handleConstraintViolation(ConstraintViolationException ex) {
		String detail = ex.getConstraintViolations()
			.stream()
			.map((violation) -> parameterName(violation.getPropertyPath().toString()) + " " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request",
				detail.isEmpty() ? "The request is invalid." : detail + ".");
	}

	// "list.limit" names the parameter limit of the method list
	private static String parameterName(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail handleIllegalArgument(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad request", "The request is invalid.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail handleUnexpected(Exception ex) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			// let Spring Security answer these
			throw ex;
		}
		LOG.error("Unexpected error", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
				"Something went wrong on our side; the error has been logged.");
	}

}
