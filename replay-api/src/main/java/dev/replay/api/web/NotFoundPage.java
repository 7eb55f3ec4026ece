package dev.replay.api.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a browser that navigates to an address that names no page: the app's
 * shell with status 404, whose script shows the app's own "Page not found" under the top
 * bar. API clients, and every path of the API, the intake and the actuator, keep their
 * problem body.
 */
final class NotFoundPage {

	private static final Resource SHELL = new ClassPathResource("static/app/index.html");

	private static final List<String> MACHINE_PATHS = List.of("/api/", "/ingest/", "/actuator/", "/intake");

	private NotFoundPage() {
	}

	/**
	 * Whether a request that found nothing is a page navigation: a {@code GET} that asks
	 * for HTML by name (a browser's {@code Accept}, not {@code *}{@code /*}) outside the
	 * API.
	 * @param request the request
	 * @return whether to answer with the page
	 */
	static boolean isWanted(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || !SHELL.exists()) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length()) + "/";
		if (MACHINE_PATHS.stream().anyMatch(path::startsWith)) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT))
				.stream()
				.anyMatch((type) -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type) && type.getQualityValue() > 0);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	static ResponseEntity<Object> response() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.TEXT_HTML)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(SHELL);
	}

}
