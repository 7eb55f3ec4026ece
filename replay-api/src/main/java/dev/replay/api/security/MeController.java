package dev.replay.api.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ApiTokens.CreatedToken;
import dev.replay.api.security.ApiTokens.TokenDetails;
import dev.replay.api.web.RejectUnknownFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

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
@Tag(name = "Me")
class MeController {

	private final ApiTokens tokens;

	private final UserAdministration users;

	private final ApplicationGrants grants;

	MeController(ApiTokens tokens, UserAdministration users, ApplicationGrants grants) {
		this.tokens = tokens;
		this.users = users;
		this.grants = grants;
	}

	@GetMapping
	@Operation(operationId = "getMe", summary = "Who am I",
			description = "The signed-in user: id, name, role and the applications they may see.")
	MeResponse me(@AuthenticationPrincipal ReplayPrincipal me) {
		ApplicationGrant applications = (me.role() == Role.admin) ? ApplicationGrant.ALL : this.grants.grantOf(me.id());
		return new MeResponse(me.id(), me.getUsername(), me.role(), applications);
	}

	// every other browser session of the user ends; this one goes on, under a new
	// session id
	@PutMapping("/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "changeMyPassword", summary = "Change my password",
			description = "Needs the current password. Ends the user's other browser sessions; this one goes on. "
					+ "Audited (user.password-changed).")
	@ApiResponse(responseCode = "400",
			description = "The current password is wrong "
					+ "(https://replay.dev/problems/wrong-password), the request is malformed "
					+ "(https://replay.dev/problems/bad-request), or the new password is longer than 72 bytes in UTF-8 "
					+ "(https://replay.dev/problems/password-too-long).")
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
	@Operation(operationId = "createMyToken", summary = "Create a personal API token",
			description = "A token for REST clients (Authorization: Bearer, or DD-APPLICATION-KEY), whose value the "
					+ "answer shows once; it is stored hashed. It may expire (expiresInDays, 1 to 365) and may be "
					+ "read-only (GET and HEAD only); full, the default, allows what the owner's role allows. An "
					+ "unknown field is refused rather than ignored. Audited (api-token.created).")
	CreatedTokenResponse createToken(@Valid @RequestBody CreateTokenRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		CreatedToken created = this.tokens.create(me.id(), request.name().strip(), request.expiresInDays(),
				(request.scope() != null) ? request.scope() : TokenScope.FULL);
		TokenDetails details = created.details();
		return new CreatedTokenResponse(details.id(), details.name(), details.prefix(), details.createdAt(),
				details.expiresAt(), details.scope(), created.token());
	}

	@GetMapping("/tokens")
	@Operation(operationId = "listMyTokens", summary = "List my personal API tokens",
			description = "My tokens, revoked and expired ones included, without their values.")
	List<TokenDetails> tokens(@AuthenticationPrincipal ReplayPrincipal me) {
		return this.tokens.list(me.id());
	}

	@DeleteMapping("/tokens/{tokenId}")
	@Operation(operationId = "revokeMyToken", summary = "Revoke one of my personal API tokens",
			description = "The token stops working at once. Audited (api-token.revoked).")
	TokenDetails revokeToken(@PathVariable UUID tokenId, @AuthenticationPrincipal ReplayPrincipal me) {
		return this.tokens.revoke(me.id(), tokenId);
	}

	record MeResponse(UUID id, String username, Role role, ApplicationGrant applications) {

	}

	record ChangePasswordRequest(@NotNull String currentPassword,
			@NotNull @Size(min = Passwords.MIN_LENGTH) String newPassword) {

	}

	/**
	 * A token to issue; unknown fields are refused, so that a misspelt expiry or scope
	 * never issues a token that is stronger than asked for.
	 *
	 * @param name the display name
	 * @param expiresInDays days until it stops working, 1 to 365; never when absent
	 * @param scope {@code full} (the default: whatever the owner's role allows) or
	 * {@code read-only}
	 */
	@RejectUnknownFields
	record CreateTokenRequest(@NotBlank @Size(max = 200) String name,
			@Nullable @Min(1) @Max(ApiTokens.MAX_EXPIRY_DAYS) Integer expiresInDays, @Nullable TokenScope scope) {

	}

	record CreatedTokenResponse(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant expiresAt,
			TokenScope scope, String token) {

	}

}
