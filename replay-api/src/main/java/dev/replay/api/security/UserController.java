package dev.replay.api.security;

import java.util.List;
import java.util.UUID;

import dev.replay.api.security.UserAdministration.UserDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * Lets admins manage users.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserAdministration users;

	UserController(UserAdministration users) {
		this.users = users;
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
	UserDetails changeRole(@PathVariable UUID userId, @Valid @RequestBody ChangeRoleRequest request,
			@AuthenticationPrincipal ReplayPrincipal me) {
		return this.users.changeRole(userId, request.role(), me.id());
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

	record CreateUserRequest(@NotNull @Size(min = 1, max = 100) @Pattern(regexp = "[^\\s:]+") String username,
			@NotNull @Size(min = Passwords.MIN_LENGTH) String password, @NotNull Role role) {

	}

	record ResetPasswordRequest(@NotNull @Size(min = Passwords.MIN_LENGTH) String password) {

	}

	record ChangeRoleRequest(@NotNull Role role) {

	}

}
