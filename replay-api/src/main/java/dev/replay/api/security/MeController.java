package dev.replay.api.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ApiTokens.CreatedToken;
import dev.replay.api.security.ApiTokens.TokenDetails;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user: who they are, their password, and their personal API tokens.
 */
@RestController
@RequestMapping("/api/v1/me")
class MeController {

	private final ApiTokens tokens;

	private final UserAdministration users;

	MeController(ApiTokens tokens, UserAdministration users) {
		this.tokens = tokens;
		this.users = users;
	}

	@GetMapping
	MeResponse me(@AuthenticationPrincipal ReplayPrincipal me) {
		return new MeResponse(me.id(), me.getUsername(), me.role());
	}

	// every other browser session of the user ends; this one goes on, under a new
	// session id
	@PutMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changePassword(@Valid @RequestBody ChangePasswordRequest request, @AuthenticationPrincipal ReplayPrincipal me,
			HttpServletRequest httpRequest, HttpServletResponse httpResponse) {
		ReplayPrincipal changed = this.users.changeOwnPassword(me.id(), request.currentPassword(),
				request.newPassword());
		if (httpRequest.getSession(false) != null) {
			httpRequest.changeSessionId();
		}
		SessionPrincipals.replace(changed, httpRequest, httpResponse);
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

	record MeResponse(UUID id, String username, Role role) {

	}

	record ChangePasswordRequest(@NotNull String currentPassword,
			@NotNull @Size(min = Passwords.MIN_LENGTH) String newPassword) {

	}

	record CreateTokenRequest(@NotBlank @Size(max = 200) String name) {

	}

	record CreatedTokenResponse(UUID id, String name, String prefix, Instant createdAt, String token) {

	}

}
