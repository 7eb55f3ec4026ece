package dev.replay.api.application;

import java.util.List;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ClientTokenDetails;
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
class ClientTokenController {

	private final ApplicationRegistry registry;

	private final ApplicationAdministration administration;

	ClientTokenController(ApplicationRegistry registry, ApplicationAdministration administration) {
		this.registry = registry;
		this.administration = administration;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ClientTokenDetails create(@Valid @RequestBody CreateClientTokenRequest request) {
		return this.administration.createClientToken(request.name().strip(), request.token(), request.applicationIds());
	}

	@GetMapping
	List<ClientTokenDetails> list() {
		return this.registry.listClientTokens();
	}

	@DeleteMapping("/{tokenId}")
	ClientTokenDetails revoke(@PathVariable UUID tokenId) {
		return this.administration.revokeClientToken(tokenId);
	}

	record CreateClientTokenRequest(@NotBlank @Size(max = 200) String name,
			@Nullable @Size(min = 8, max = 200) @Pattern(regexp = "[A-Za-z0-9._~-]+") String token,
			@Nullable List<UUID> applicationIds) {

	}

}
