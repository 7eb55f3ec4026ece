package dev.replay.api.web;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Describes the REST API for the OpenAPI document at {@code /v3/api-docs} and Swagger UI
 * at {@code /swagger-ui.html}, both for signed-in users: who may call what (the intake's
 * client tokens are declared by its controllers), the tags, and the problem details of
 * every error ({@link ProblemResponses}). The document is committed as
 * {@code replay-api/src/test/resources/openapi.json}; a test keeps the two equal.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/** HTTP Basic with a user's name and password. */
	static final String BASIC = "basic";

	/** A personal API token as a bearer token. */
	static final String BEARER = "bearer";

	/** The browser's cookie session. */
	static final String SESSION = "session";

	/** A personal API token in Datadog's application key header. */
	static final String DATADOG_APPLICATION_KEY = "datadogApplicationKey";

	/** A personal API token in Datadog's API key header. */
	static final String DATADOG_API_KEY = "datadogApiKey";

	@Bean
	OpenAPI replayOpenApi() {
		// Jackson 3's tree stands for any JSON value; a streamed body is described by its
		// operation
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class, new JsonSchema())
			.addResponseTypeToIgnore(StreamingResponseBody.class);
		return new OpenAPI()
			.info(new Info().title("Replay API")
				.description("Self-hosted session replay. Recorders (our script and the Datadog SDKs) upload "
						+ "to the intake with client tokens; everything under /api/v1 needs a signed-in user "
						+ "(HTTP Basic, a personal API token, or the browser's cookie session); Datadog's RUM "
						+ "replay playlist and viewership endpoints live under /api/v2/rum/replay. Every error "
						+ "is answered as application/problem+json (RFC 9457) whose type names the problem.")
				.version("v1"))
			.components(new Components()
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A user's name and password; scripts send them with every request."))
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal API token (rpl_...) from POST /api/v1/me/tokens."))
				.addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
					.in(SecurityScheme.In.COOKIE)
					.name("JSESSIONID")
					.description("The cookie session opened by POST /api/v1/auth/sign-in. Every change (any "
							+ "method but GET and HEAD) must echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header."))
				.addSecuritySchemes(DATADOG_APPLICATION_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("DD-APPLICATION-KEY")
							.description("A personal API token, for Datadog's API clients."))
				.addSecuritySchemes(DATADOG_API_KEY,
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("DD-API-KEY")
							.description("A personal API token, accepted alone on /api/v2/rum/replay; "
									+ "DD-APPLICATION-KEY wins when both come.")))
			.addSecurityItem(new SecurityRequirement().addList(BASIC))
			.addSecurityItem(new SecurityRequirement().addList(BEARER))
			.addSecurityItem(new SecurityRequirement().addList(SESSION))
			.addSecurityItem(new SecurityRequirement().addList(DATADOG_APPLICATION_KEY))
			.addTagsItem(tag("Intake", "Uploads from recorders, with client tokens; answered 202 once committed."))
			.addTagsItem(tag("Sign-in", "The browser's cookie session and the ways to open it."))
			.addTagsItem(tag("Me", "The signed-in user, their password and their personal API tokens."))
			.addTagsItem(tag("Sessions",
					"Search, details, RUM events, views, watchers and deletion of recorded "
							+ "sessions; only those of the applications the caller is granted."))
			.addTagsItem(
					tag("Playback", "A session's events, timeline and images: audited reads of recorded " + "content."))
			.addTagsItem(
					tag("Playlists", "Named lists of sessions; editors create them, owners and admins change them."))
			.addTagsItem(tag("History", "Who watched what."))
			.addTagsItem(tag("Applications", "Admin: the applications that recordings belong to."))
			.addTagsItem(tag("Client tokens", "Admin: the write-only tokens of the recorders."))
			.addTagsItem(tag("Users", "Admin: users, their roles, grants, passwords and API tokens."))
			.addTagsItem(tag("Audit", "Admin: the append-only audit trail."))
			.addTagsItem(tag("Datadog playlists", "Datadog's RUM replay playlist API over Replay's playlists."))
			.addTagsItem(tag("Datadog viewership", "Datadog's RUM replay viewership API over the watch history."));
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

	@Bean
	ProblemResponses problemResponses() {
		return new ProblemResponses();
	}

	/**
	 * A property that Jackson writes raw holds JSON, not a string.
	 * @return the customizer
	 */
	@Bean
	PropertyCustomizer rawJsonProperties() {
		return (property,
				type) -> (type.getCtxAnnotations() != null && Arrays.stream(type.getCtxAnnotations())
					.anyMatch((annotation) -> annotation instanceof JsonRawValue))
							? new JsonSchema().description(property.getDescription()) : property;
	}

}
