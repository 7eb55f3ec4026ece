package dev.replay.api.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Describes the REST API for the OpenAPI document at {@code /v3/api-docs} and Swagger UI
 * at {@code /swagger-ui.html}, both for signed-in users.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI replayOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Replay API")
				.description("Sessions, playback, playlists, watch history, audit trail, users and tokens; "
						+ "plus Datadog's RUM replay playlist and viewership endpoints under /api/v2/rum/replay.")
				.version("v1"))
			.components(new Components()
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.addSecuritySchemes("bearer",
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("A personal API token from POST /api/v1/me/tokens"))
				.addSecuritySchemes("datadogApplicationKey",
						new SecurityScheme().type(SecurityScheme.Type.APIKEY)
							.in(SecurityScheme.In.HEADER)
							.name("DD-APPLICATION-KEY")
							.description("A personal API token, for Datadog's API clients")))
			.addSecurityItem(new SecurityRequirement().addList("basic"))
			.addSecurityItem(new SecurityRequirement().addList("bearer"))
			.addSecurityItem(new SecurityRequirement().addList("datadogApplicationKey"));
	}

}
