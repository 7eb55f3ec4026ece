package dev.replay.api.security;

import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ApiTokens.TokenDetails;
import dev.replay.api.security.UserAdministration.UserDetails;
import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets admins manage users, and see and revoke any user's personal API tokens.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

	private final UserAdministration users;

	private final ApiTokens tokens;

	UserController(UserAdministration users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "createUser", summary = "Create a user",
			description = "Admin only. A user with a password and a role (viewer finds and watches, editor also "
					+ "manages playlists, admin also manages users, applications, tokens, deletion and the audit "
					+ "trail), granted every application. Audited (user.created).")
	@ApiResponse(responseCode = "400",
			description = "The request is malformed "
					+ "(https://replay.dev/problems/bad-request), or the new password is longer than 72 bytes in UTF-8 "
					+ "(https://replay.dev/problems/password-too-long).")
	@ApiResponse(responseCode = "409",
			description = "A user with that name already exists " + "(https://replay.dev/problems/user-exists).")
	UserDetails create(@Valid @RequestBody CreateUserRequest request) {
		return this.users.create(request.username(), request.password(), request.role());
	}

	@GetMapping
	@Operation(operationId = "listUsers", summary = "List users",
			description = "Admin only. Every user with their role and applications.")
	List<UserDetails> list() {
		return this.users.list();
	}

	@PatchMapping("/{userId}")
	@Operation(operationId = "changeUser", summary = "Change a user's role or applications",
			description = "Admin only. Sets the role, the applications the user may see (\"all\" or a list of "
					+ "application ids; admins always see all), or both. A new role applies from the user's next "
					+ "request. A change of role is audited (user.role-changed).")
	@ApiResponse(responseCode = "200", description = "The user as changed.")
	@ApiResponse(responseCode = "400",
			description = "Neither role nor applications is given, or the request is "
					+ "malformed (https://replay.dev/problems/bad-request); or an application does not exist "
					+ "(https://replay.dev/problems/unknown-application).")
	@ApiResponse(responseCode = "409",
			description = "Admins may not demote themselves " + "(https://replay.dev/problems/self-change).")
	UserDetails change(@PathVariable UUID userId, @Valid @RequestBody ChangeUserRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		if (request.role() == null && request.applications() == null) {
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST,
					ProblemTypes.BAD_REQUEST, "Bad request", "Give role, applications or both."), null);
		}
		return this.users.update(userId, request.role(), request.applications(), me.id());
	}

	@PutMapping("/{userId}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "resetUserPassword", summary = "Reset a user's password",
			description = "Admin only. Sets a new password and ends the user's browser sessions. Audited "
					+ "(user.password-reset).")
	@ApiResponse(responseCode = "400",
			description = "The request is malformed "
					+ "(https://replay.dev/problems/bad-request), or the new password is longer than 72 bytes in UTF-8 "
					+ "(https://replay.dev/problems/password-too-long).")
	void resetPassword(@PathVariable UUID userId, @Valid @RequestBody ResetPasswordRequest request) {
		this.users.resetPassword(userId, request.password());
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(operationId = "deleteUser", summary = "Delete a user",
			description = "Admin only. Deletes the user, with their personal API tokens; their browser sessions "
					+ "end. Audited (user.deleted).")
	@ApiResponse(responseCode = "409",
			description = "Admins may not delete themselves " + "(https://replay.dev/problems/self-change).")
	void delete(@PathVariable UUID userId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.users.delete(userId, me.id());
	}

	@GetMapping("/{userId}/tokens")
	@Operation(operationId = "listUserTokens", summary = "List a user's personal API tokens",
			description = "Admin only. The user's tokens, revoked and expired ones included, without their values.")
	List<TokenDetails> tokens(@PathVariable UUID userId) {
		return this.tokens.listOf(userId);
	}

	@DeleteMapping("/{userId}/tokens/{tokenId}")
	@Operation(operationId = "revokeUserToken", summary = "Revoke a user's personal API token",
			description = "Admin only. The token stops working at once. Audited (api-token.revoked, with its owner).")
	TokenDetails revokeToken(@PathVariable UUID userId, @PathVariable UUID tokenId) {
		return this.tokens.revokeOf(userId, tokenId);
	}

	record CreateUserRequest(@NotNull @Size(min = 1, max = 100) @Pattern(regexp = "[^\\s:]+") String username,
			@NotNull @Size(min = Passwords.MIN_LENGTH) String password, @NotNull Role role) {

	}

	record ResetPasswordRequest(@NotNull @Size(min = Passwords.MIN_LENGTH) String password) {

	}

	/**
	 * What to change about a user; at least one.
	 *
	 * @param role the new role
	 * @param applications {@code "all"} or a list of application ids
	 */
	record ChangeUserRequest(@Nullable Role role, @Nullable ApplicationGrant applications) {

	}

}
