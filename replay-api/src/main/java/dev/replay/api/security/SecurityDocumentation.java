package dev.replay.api.security;

import java.util.Arrays;
import java.util.List;

import dev.replay.api.web.ApiProblemTypes;
import dev.replay.api.web.ProblemResponses;
import dev.replay.ingest.ProblemTypes;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Adds to the OpenAPI document what Spring Security decides by itself, without a
 * controller: the sign-in form (when passwords are accepted) and the sign-out, and the
 * 403 of the paths that are for admins only ({@link SecurityConfiguration}); and
 * describes an {@link ApplicationGrant} as the JSON value it is.
 */
@Component
class SecurityDocumentation implements OpenApiCustomizer {

	private static final String TAG = "Sign-in";

	private static final String SIGNED_IN = "SignedIn";

	private static final String GRANT = "ApplicationGrant";

	private final boolean localSignIn;

	SecurityDocumentation(SsoProperties sso) {
		this.localSignIn = sso.localSignIn();
		SpringDocUtils.getConfig()
			.replaceWithSchema(ApplicationGrant.class, new Schema<>().$ref("#/components/schemas/" + GRANT));
	}

	@Override
	public void customise(OpenAPI openApi) {
		Schema<Object> grant = new Schema<>();
		grant.setDescription("The applications whose sessions a user may see: \"all\" (every application, "
				+ "present and future) or a list of application ids.");
		grant.addOneOfItem(new StringSchema()._enum(List.of(ApplicationGrant.ALL_VALUE)));
		grant.addOneOfItem(new ArraySchema().items(new UUIDSchema()));
		ObjectSchema signedIn = new ObjectSchema();
		signedIn.setDescription("Who signed in.");
		signedIn.addProperty("username", new StringSchema());
		signedIn.addProperty("role", new StringSchema()._enum(List.of("viewer", "editor", "admin")));
		signedIn.setRequired(List.of("username", "role"));
		openApi.getComponents().addSchemas(GRANT, grant).addSchemas(SIGNED_IN, signedIn);
		if (this.localSignIn) {
			openApi.path(SignInSettings.SIGN_IN_PATH, new PathItem().post(signIn()));
		}
		openApi.path(SignInSettings.SIGN_OUT_PATH, new PathItem().post(signOut()));
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			if (isForAdmins(path, method)) {
				operation.getResponses()
					.addApiResponse("403", ProblemResponses
						.response("The caller is not an admin, or the API token is read-only", ProblemTypes.FORBIDDEN));
			}
		}));
	}

	private static boolean isForAdmins(String path, PathItem.HttpMethod method) {
		PathContainer container = PathContainer.parsePath(path);
		return Arrays.stream(SecurityConfiguration.ADMIN_PATHS)
			.anyMatch((pattern) -> PathPatternParser.defaultInstance.parse(pattern).matches(container))
				|| (method == PathItem.HttpMethod.DELETE
						&& PathPatternParser.defaultInstance.parse(SecurityConfiguration.ADMIN_DELETE_PATH)
							.matches(container));
	}

	private static Operation signIn() {
		ObjectSchema form = new ObjectSchema();
		form.addProperty("username", new StringSchema());
		form.addProperty("password", new StringSchema().format("password"));
		form.setRequired(List.of("username", "password"));
		return new Operation().operationId("signIn")
			.addTagsItem(TAG)
			.summary("Sign in with a user name and password")
			.description("Opens the browser's cookie session, as the sign-in page does. Get the XSRF-TOKEN cookie "
					+ "first (GET /api/v1/auth/csrf) and echo it in X-XSRF-TOKEN. Answers the user and sets a "
					+ "new XSRF-TOKEN cookie; the sign-in is audited (sign-in.succeeded, or sign-in.failed). "
					+ "Failed sign-ins are throttled per user name and client address.")
			.security(List.of())
			.addParametersItem(csrfHeader())
			.requestBody(
					new RequestBody().required(true)
						.content(new Content().addMediaType(
								org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED_VALUE,
								new MediaType().schema(form))))
			.responses(new ApiResponses()
				.addApiResponse("200", new ApiResponse().description("Signed in; the session cookie is set.")
					.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SIGNED_IN)))))
				.addApiResponse("401",
						ProblemResponses.response("The user name or password is wrong",
								ApiProblemTypes.UNAUTHENTICATED))
				.addApiResponse("403",
						ProblemResponses.response("The X-XSRF-TOKEN header does not echo the XSRF-TOKEN cookie",
								ProblemTypes.FORBIDDEN))
				.addApiResponse("429", tooManyAttempts())
				.addApiResponse("500", internal()));
	}

	private static Operation signOut() {
		return new Operation().operationId("signOut")
			.addTagsItem(TAG)
			.summary("Sign out")
			.description("Ends the browser's cookie session, if there is one; audited (sign-out). Needs the "
					+ "X-XSRF-TOKEN header like every change in a session.")
			.security(List.of())
			.addParametersItem(csrfHeader())
			.responses(new ApiResponses().addApiResponse("204", new ApiResponse().description("Signed out."))
				.addApiResponse("403",
						ProblemResponses.response("The X-XSRF-TOKEN header does not echo the XSRF-TOKEN cookie",
								ProblemTypes.FORBIDDEN))
				.addApiResponse("500", internal()));
	}

	private static Parameter csrfHeader() {
		return new HeaderParameter().name("X-XSRF-TOKEN")
			.required(true)
			.description("The value of the XSRF-TOKEN cookie")
			.schema(new StringSchema());
	}

	private static ApiResponse tooManyAttempts() {
		return ProblemResponses
			.response("Too many failed sign-ins for the user name or from the client address; retry after "
					+ "Retry-After seconds", ApiProblemTypes.TOO_MANY_SIGN_IN_ATTEMPTS)
			.addHeaderObject("Retry-After", ProblemResponses.retryAfter());
	}

	private static ApiResponse internal() {
		return ProblemResponses.response("Something unexpected went wrong; the error has been logged",
				ApiProblemTypes.INTERNAL);
	}

}
