package dev.replay.api.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ApiTokens.CreatedToken;
import dev.replay.api.security.ApiTokens.TokenDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user: who they are, and their personal API tokens.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final ApiTokens tokens;

	private final ApplicationGrants grants;

	MeController(ApiTokens tokens, ApplicationGrants grants) {
		this.tokens = tokens;
		this.grants = grants;
	}

	@GetMapping
	MeResponse me(@AuthenticationPrincipal ReplayPrincipal me) {
		ApplicationGrant applications = (me.role() == Role.admin) ? ApplicationGrant.ALL : this.grants.grantOf(me.id());
		return new MeResponse(me.id(), me.getUsername(), me.role(), applications);
	}

	@PostMapping("/tokens")
	@ResponseStatus(HttpStatus.CREATED)
	CreatedTokenResponse createToken(@Valid @RequestBody CreateTokenRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		CreatedToken created = this.tokens.create(me.id(), request.name().strip());
		TokenDetails details = created.details();
		return new CreatedTokenResponse(details.id(), details.name(), details.prefix(), details.createdAt(),
				created.token());
	}

	@GetMapping("/tokens")
	List<TokenDetails> tokens(@AuthenticationPrincipal ReplayPrincipal me) {
		return this.tokens.list(me.id());
	}

	@DeleteMapping("/tokens/{tokenId}")
	TokenDetails revokeToken(@PathVariable UUID tokenId, @AuthenticationPrincipal ReplayPrincipal me) {
		return this.tokens.revoke(me.id(), tokenId);
	}

	record MeResponse(UUID id, String username, Role role, ApplicationGrant applications) {

	}

	record CreateTokenRequest(@NotBlank @Size(max = 200) String name) {

	}

	record CreatedTokenResponse(UUID id, String name, String prefix, Instant createdAt, String token) {

	}

}
