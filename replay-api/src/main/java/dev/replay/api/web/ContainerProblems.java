package dev.replay.api.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.replay.ingest.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * The problem bodies of errors that no controller answered: requests that Tomcat or
 * Spring Security's firewall refused before they reached the application, and errors
 * forwarded to {@code /error}. Only the status is known, so the body says no more than
 * it.
 */
final class ContainerProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ContainerProblems() {
	}

	/**
	 * The problem for a status.
	 * @param status the HTTP status
	 * @param instance the path the client asked for, or {@code null} when unknown
	 * @return the problem
	 */
	static ProblemDetail of(int status, @Nullable String instance) {
		HttpStatus known = HttpStatus.resolve(status);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(typeOf(status));
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		problem.setDetail(detailOf(status));
		if (instance != null && !instance.isEmpty()) {
			problem.setInstance(URI.create(escaped(instance)));
		}
		return problem;
	}

	/**
	 * Write the problem for a status as the response.
	 * @param response the response, not committed
	 * @param status the HTTP status
	 * @param instance the path the client asked for, or {@code null}
	 * @throws IOException if writing fails
	 */
	static void write(HttpServletResponse response, int status, @Nullable String instance) throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(status, instance));
	}

	/**
	 * The problem for a status as JSON.
	 * @param status the HTTP status
	 * @param instance the path the client asked for, or {@code null}
	 * @return the JSON text
	 */
	static String json(int status, @Nullable String instance) {
		ProblemDetail problem = of(status, instance);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		return JSON.writeValueAsString(body);
	}

	private static URI typeOf(int status) {
		return switch (status) {
			case 400 -> ProblemTypes.BAD_REQUEST;
			case 401 -> ApiProblemTypes.UNAUTHENTICATED;
			case 403 -> ProblemTypes.FORBIDDEN;
			case 500 -> ApiProblemTypes.INTERNAL;
			default -> URI.create("about:blank");
		};
	}

	private static String detailOf(int status) {
		return switch (status) {
			case 400 -> "The request is malformed (for example, its path has characters that are not allowed).";
			case 404 -> "There is nothing at this address.";
			case 500 -> "Something went wrong on our side; the error has been logged.";
			default -> "The request could not be served.";
		};
	}

	// a raw path may hold what a URI may not (a tab, a percent sign that starts nothing)
	private static String escaped(String path) {
		StringBuilder escaped = new StringBuilder(path.length());
		for (char c : path.toCharArray()) {
			boolean allowed = c > 0x20 && c < 0x7f && "\"<>\\^`{|}%".indexOf(c) < 0;
			if (allowed) {
				escaped.append(c);
			}
			else {
				for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
					escaped.append('%').append(String.format("%02X", b & 0xff));
				}
			}
		}
		return escaped.toString();
	}

}
