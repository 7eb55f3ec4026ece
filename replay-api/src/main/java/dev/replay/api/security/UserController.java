package dev.replay.api.security;

import java.util.List;
import java.util.UUID;

import dev.replay.api.security.ApiTokens.TokenDetails;
import dev.replay.api.security.UserAdministration.UserDetails;
import dev.replay.ingest.ProblemTypes;
import dev.replay.ingest.Problems;
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
class UserController {

	private final UserAdministration users;

	private final ApiTokens tokens;

	UserController(UserAdministration users, ApiTokens tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	UserDetails create(@Valid @RequestBody CreateUserRequest request) {
		return this.users.create(request.username(), request.password(), request.role());
	}

	@GetMapping
	List<UserDetails> list() {
		return this.users.list();
	}

	@PatchMapping("/{userId}")
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
	void resetPassword(@PathVariable UUID userId, @Valid @RequestBody ResetPasswordRequest request) {
		this.users.resetPassword(userId, request.password());
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID userId, @AuthenticationPrincipal ReplayPrincipal me) {
		this.users.delete(userId, me.id());
	}

	@GetMapping("/{userId}/tokens")
	List<TokenDetails> tokens(@PathVariable UUID userId) {
		return this.tokens.listOf(userId);
	}

	@DeleteMapping("/{userId}/tokens/{tokenId}")
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
