package dev.replay.api.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.replay.ingest.ProblemTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.modulith.NamedInterface;

/**
 * Documents the errors of every operation as problem details: the answers that any
 * operation can give (400 when it takes parameters or a body, 401, 403 and 429 for a
 * signed-in user, 404 for each kind of thing its path names, 500), next to those its
 * controller declares; and the {@code application/problem+json} body of each, with the
 * {@code ProblemDetail} schema. An operation's own declaration of a status wins.
 */
@NamedInterface("api")
public class ProblemResponses implements OpenApiCustomizer {

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String SCHEMA = "ProblemDetail";

	private static final String APPLICATION_JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

	private static final String VIOLATION_SCHEMA = "Violation";

	private static final Set<String> USER_SCHEMES = Set.of(OpenApiConfiguration.BASIC, OpenApiConfiguration.BEARER,
			OpenApiConfiguration.SESSION, OpenApiConfiguration.DATADOG_APPLICATION_KEY,
			OpenApiConfiguration.DATADOG_API_KEY);

	/** The 404 of a path that names a thing, by the name of its path variable. */
	private static final Map<String, String> NOT_FOUND = Map.of("sessionId",
			problem("No recorded session with that id among the applications the caller is granted",
					ProblemTypes.SESSION_NOT_FOUND),
			"playlistId", problem("No playlist with that id", ApiProblemTypes.PLAYLIST_NOT_FOUND), "userId",
			problem("No user with that id", ApiProblemTypes.USER_NOT_FOUND), "applicationId",
			problem("No application with that id", ProblemTypes.APPLICATION_NOT_FOUND), "resourceId",
			problem("No image with that id for the session's application", ProblemTypes.RESOURCE_NOT_FOUND), "tokenId",
			problem("No personal API token with that id", ApiProblemTypes.API_TOKEN_NOT_FOUND));

	@Override
	public void customise(OpenAPI openApi) {
		ObjectSchema violation = new ObjectSchema();
		violation.setDescription("Why a segment is unusable.");
		violation.addProperty("path", new StringSchema().description("where in the body, e.g. events[3].type"));
		violation.addProperty("message", new StringSchema().description("what is wrong there"));
		violation.setRequired(List.of("path", "message"));
		openApi.getComponents().addSchemas(SCHEMA, problemDetail()).addSchemas(VIOLATION_SCHEMA, violation);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths()
			.forEach((path, item) -> item.readOperationsMap()
				.forEach((method, operation) -> document(method, operation)));
	}

	private static void document(PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean signedIn = operation.getSecurity() == null || operation.getSecurity()
			.stream()
			.anyMatch((requirement) -> requirement.keySet().stream().anyMatch(USER_SCHEMES::contains));
		if (takesInput(operation)) {
			addIfAbsent(responses, "400",
					problem("The request is malformed: bad JSON, a missing field or an invalid parameter",
							ProblemTypes.BAD_REQUEST));
		}
		if (signedIn) {
			addIfAbsent(responses, "401", problem("Not signed in, or the credentials are wrong, revoked or expired",
					ApiProblemTypes.UNAUTHENTICATED));
			if (method != PathItem.HttpMethod.GET) {
				addIfAbsent(responses, "403",
						problem("The API token is read-only, or a cookie session did not echo its CSRF token",
								ProblemTypes.FORBIDDEN));
			}
			responses
				.computeIfAbsent("429",
						(status) -> new ApiResponse()
							.description(problem(
									"Too many failed sign-ins for the user name or from the client address; "
											+ "retry after Retry-After seconds",
									ApiProblemTypes.TOO_MANY_SIGN_IN_ATTEMPTS) + ".")
							.addHeaderObject("Retry-After", retryAfter()));
			String notFound = notFound(operation);
			if (!notFound.isEmpty()) {
				addIfAbsent(responses, "404", notFound);
			}
		}
		addIfAbsent(responses, "500",
				problem("Something unexpected went wrong; the error has been logged", ApiProblemTypes.INTERNAL));
		// a response declared on a controller method gets the method's body unless it
		// says
		// otherwise: an error's body is a problem
		responses.forEach((status, response) -> {
			if (isError(status)) {
				response.content(problemContent());
			}
		});
	}

	// query parameters, typed path variables and JSON bodies can be malformed; a form
	// sign-in or a string path variable cannot
	private static boolean takesInput(Operation operation) {
		boolean parameters = operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> "query".equals(parameter.getIn())
					|| ("path".equals(parameter.getIn()) && isTyped(parameter.getSchema())));
		return parameters || (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
				&& operation.getRequestBody().getContent().containsKey(APPLICATION_JSON));
	}

	/**
	 * An error response for an operation that is added to the document by hand.
	 * @param what what happened
	 * @param type the problem type
	 * @return the response, with the problem details body
	 */
	public static ApiResponse response(String what, URI type) {
		return new ApiResponse().description(problem(what, type) + ".").content(problemContent());
	}

	private static Content problemContent() {
		return new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
	}

	private static boolean isTyped(Schema<?> schema) {
		String type = (schema.getType() != null) ? schema.getType()
				: (schema.getTypes() != null && schema.getTypes().size() == 1) ? schema.getTypes().iterator().next()
						: null;
		return !"string".equals(type) || schema.getFormat() != null;
	}

	private static String notFound(Operation operation) {
		if (operation.getParameters() == null) {
			return "";
		}
		Set<String> problems = new LinkedHashSet<>();
		for (Parameter parameter : operation.getParameters()) {
			if ("path".equals(parameter.getIn()) && NOT_FOUND.containsKey(parameter.getName())) {
				problems.add(NOT_FOUND.get(parameter.getName()));
			}
		}
		return problems.isEmpty() ? "" : String.join("; or ", problems) + ".";
	}

	private static void addIfAbsent(ApiResponses responses, String status, String description) {
		responses.computeIfAbsent(status,
				(key) -> new ApiResponse().description(description.endsWith(".") ? description : description + "."));
	}

	private static boolean isError(String status) {
		return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
	}

	/**
	 * Describe a problem: what happened, then its type.
	 * @param what what happened
	 * @param type the problem type
	 * @return the description
	 */
	private static String problem(String what, URI type) {
		return what + " (" + type + ")";
	}

	/**
	 * The {@code Retry-After} header of a 429 or 503.
	 * @return the header
	 */
	public static Header retryAfter() {
		return new Header().description("Seconds to wait before trying again")
			.schema(new IntegerSchema().minimum(BigDecimal.ONE));
	}

	private static Schema<?> problemDetail() {
		ObjectSchema problem = new ObjectSchema();
		problem.setDescription("A problem (RFC 9457): type names it, and the README lists every type. Some "
				+ "problems carry more properties, such as violations.");
		problem.addProperty("type",
				new StringSchema().format("uri").description("the problem type, e.g. " + ProblemTypes.BAD_REQUEST));
		problem.addProperty("title", new StringSchema().description("a short summary of the problem type"));
		problem.addProperty("status", new IntegerSchema().description("the HTTP status"));
		problem.addProperty("detail", new StringSchema().description("what happened this time"));
		problem.addProperty("instance", new StringSchema().format("uri-reference").description("the request path"));
		problem.addProperty("violations",
				new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + VIOLATION_SCHEMA))
					.description("for " + ProblemTypes.MALFORMED_SEGMENT + ": what makes the segment unusable"));
		problem.setRequired(List.of("type", "title", "status"));
		problem.setAdditionalProperties(true);
		return problem;
	}

}
