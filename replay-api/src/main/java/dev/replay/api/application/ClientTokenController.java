package dev.replay.api.application;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ClientTokenDetails;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Creates, lists and revokes client tokens.
 */
@RestController
@RequestMapping("/api/v1/client-tokens")
@Tag(name = "Client tokens")
class ClientTokenController {

	private final ApplicationRegistry registry;

	private final ApplicationAdministration administration;

	ClientTokenController(ApplicationRegistry registry, ApplicationAdministration administration) {
		this.registry = registry;
		this.administration = administration;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createClientToken", summary = "Create a client token",
			description = "Admin only. A write-only token for recorders, valid for the listed applications or, "
					+ "without applicationIds, for every application. The optional token keeps a value already "
					+ "deployed. Audited (client-token.created).")
	@ApiResponse(responseCode = "400",
			description = "The request is malformed (https://replay.dev/problems/bad-request), "
					+ "or names an application that does not exist (https://replay.dev/problems/unknown-application).")
	@ApiResponse(responseCode = "409", description = "A client token with that value already exists "
			+ "(https://replay.dev/problems/client-token-exists).")
	ClientTokenDetails create(@Valid @RequestBody CreateClientTokenRequest request) {
		return this.administration.createClientToken(request.name().strip(), request.token(), request.applicationIds());
	}

	@GetMapping
	@Operation(operationId = "listClientTokens", summary = "List client tokens",
			description = "Admin only. Every client token, revoked ones included, with its value.")
	List<ClientTokenDetails> list() {
		return this.registry.listClientTokens();
	}

	@DeleteMapping("/{tokenId}")
	@Operation(operationId = "revokeClientToken", summary = "Revoke a client token",
			description = "Admin only. The token stops working within replay.ingest.token-cache-ttl. Audited "
					+ "(client-token.revoked).")
	@ApiResponse(responseCode = "200", description = "The token as revoked.")
	@ApiResponse(responseCode = "404",
			description = "No client token with that id " + "(https://replay.dev/problems/client-token-not-found).")
	ClientTokenDetails revoke(@PathVariable UUID tokenId) {
		return this.administration.revokeClientToken(tokenId);
	}

	record CreateClientTokenRequest(@NotBlank @Size(max = 200) String name,
			@Nullable @Size(min = 8, max = 200) @Pattern(regexp = "[A-Za-z0-9._~-]+") String token,
			@Nullable List<UUID> applicationIds) {

	}

}
