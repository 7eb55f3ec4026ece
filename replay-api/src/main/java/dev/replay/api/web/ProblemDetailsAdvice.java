package dev.replay.api.web;

import java.net.URI;
import java.util.stream.Collectors;

import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import dev.replay.ingest.segment.IntakeMetrics;
import dev.replay.ingest.storage.StorageUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Renders every error as {@code application/problem+json}, but for a browser navigating
 * to an address that names no page, which gets the app's own 404 page: Spring MVC's own
 * exceptions and ours (each an {@code ErrorResponseException}) through the base class,
 * and anything unexpected as a generic 500 whose stack trace goes to the log only. A
 * client that went away mid-response gets no answer and is logged at debug level only.
 * The intake's rejections are counted by problem type.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final URI BLANK = URI.create("about:blank");

	private static final String STORAGE_RETRY_AFTER_SECONDS = "1";

	private final IntakeMetrics intakeMetrics;

	ProblemDetailsAdvice(IntakeMetrics intakeMetrics) {
		this.intakeMetrics = intakeMetrics;
	}

	// Spring MVC's own 400s (unreadable parameters and bodies, failed constraints) get
	// our type
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		// our exceptions arrive without a body: theirs is in the exception
		ProblemDetail problem = (body instanceof ProblemDetail given) ? given
				: (ex instanceof ErrorResponse response) ? response.getBody() : null;
		if (problem != null && statusCode.value() == HttpStatus.BAD_REQUEST.value()
				&& (problem.getType() == null || BLANK.equals(problem.getType()))) {
			problem.setType(ProblemTypes.BAD_REQUEST);
		}
		if (problem != null && request instanceof ServletWebRequest servlet) {
			countIntakeRejection(servlet.getRequest(), problem);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	// an address that names nothing: a browser navigating there gets the app's own page
	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && NotFoundPage.isWanted(servlet.getRequest())) {
			return NotFoundPage.response();
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	// a constraint on a parameter of a @Validated controller
	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail handleConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		String detail = ex.getConstraintViolations()
			.stream()
			.map((violation) -> parameterName(violation.getPropertyPath().toString()) + " " + violation.getMessage())
			.sorted()
			.collect(Collectors.joining("; "));
		return countIntakeRejection(request, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
				"Bad request", detail.isEmpty() ? "The request is invalid." : detail + "."));
	}

	// "list.limit" names the parameter limit of the method list
	private static String parameterName(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	// the object store of recorded bytes failed: nothing was acknowledged, and the
	// request may be tried again
	@ExceptionHandler(StorageUnavailableException.class)
	ResponseEntity<ProblemDetail> handleStorageUnavailable(StorageUnavailableException ex, HttpServletRequest request) {
		LOG.warn("The recording storage failed: {}", ex.getMessage());
		ProblemDetail problem = countIntakeRejection(request,
				Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service unavailable",
						"The recording storage is unreachable; retry later."));
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, STORAGE_RETRY_AFTER_SECONDS)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail handleIllegalArgument(IllegalArgumentException ex, HttpServletRequest request) {
		return countIntakeRejection(request, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST,
				"Bad request", "The request is invalid."));
	}

	@ExceptionHandler(Exception.class)
	@Nullable ProblemDetail handleUnexpected(Exception ex, HttpServletRequest request) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			// let Spring Security answer these
			throw ex;
		}
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			// a player closed or a download cancelled mid-response: nobody is left to
			// answer, and it is no fault of ours
			LOG.debug("The client went away during {}: {}", request.getRequestURI(), ex.toString());
			return null;
		}
		LOG.error("Unexpected error", ex);
		return countIntakeRejection(request, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ApiProblemTypes.INTERNAL,
				"Internal error", "Something went wrong on our side; the error has been logged."));
	}

	private ProblemDetail countIntakeRejection(HttpServletRequest request, ProblemDetail problem) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (IntakeMetrics.isIntake(path)) {
			this.intakeMetrics.rejected(problem.getType());
		}
		return problem;
	}

}
