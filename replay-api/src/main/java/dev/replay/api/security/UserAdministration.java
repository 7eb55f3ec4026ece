package dev.replay.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, changes and deletes users, and sets their passwords; every change is
 * audited. A new password ends the user's browser sessions ({@link SessionUserFilter}).
 */
@Service
class UserAdministration {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	private final ApplicationGrants grants;

	UserAdministration(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog audit,
			ApplicationGrants grants) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
		this.grants = grants;
	}

	@Transactional
	UserDetails create(String username, String password, Role role) {
		if (this.users.existsByUsername(username)) {
			throw new UserExistsException(username);
		}
		UserAccount user = this.users
			.save(new UserAccount(username, this.passwordEncoder.encode(Passwords.checkLength(password)), role));
		this.audit.record("user.created", "user", user.getId().toString(),
				Map.of("username", username, "role", role.name()));
		// new users are granted every application, the column's default
		return UserDetails.of(user, ApplicationGrant.ALL);
	}

	@Transactional(readOnly = true)
	List<UserDetails> list() {
		Map<UUID, ApplicationGrant> grants = this.grants.grants();
		return this.users.findAll(Sort.by("username"))
			.stream()
			.map((user) -> UserDetails.of(user, grants.getOrDefault(user.getId(), ApplicationGrant.of(List.of()))))
			.toList();
	}

	/**
	 * Change a user's role, their applications, or both.
	 * @param id the user
	 * @param role the new role, or {@code null} to keep it
	 * @param applications the new grant, or {@code null} to keep it
	 * @param actorId the admin who asks
	 * @return the user
	 */
	@Transactional
	UserDetails update(UUID id, @Nullable Role role, @Nullable ApplicationGrant applications, UUID actorId) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
		if (role != null) {
			changeRole(id, role, actorId);
		}
		if (applications != null) {
			this.grants.grant(id, applications);
		}
		return UserDetails.of(user, this.grants.grantOf(id));
	}

	@Transactional
	UserDetails changeRole(UUID id, Role role, UUID actorId) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
		if (id.equals(actorId) && role != Role.admin) {
			throw new SelfChangeException();
		}
		Role previous = user.getRole();
		user.changeRole(role);
		this.audit.record("user.role-changed", "user", id.toString(),
				Map.of("username", user.getUsername(), "from", previous.name(), "to", role.name()));
		return UserDetails.of(user, this.grants.grantOf(id));
	}

	/**
	 * Change one's own password, given the current one.
	 * @param id the user's id
	 * @param currentPassword their password now
	 * @param newPassword the new one
	 * @return the user with the new password's session version
	 */
	@Transactional
	ReplayPrincipal changeOwnPassword(UUID id, String currentPassword, String newPassword) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
		String currentHash = user.getPasswordHash();
		// users of single sign-on have no password to give
		if (currentHash == null || !this.passwordEncoder.matches(currentPassword, currentHash)) {
			throw new WrongPasswordException();
		}
		user.changePassword(this.passwordEncoder.encode(Passwords.checkLength(newPassword)));
		this.audit.record("user.password-changed", "user", id.toString(), Map.of("username", user.getUsername()));
		return new ReplayPrincipal(id, user.getUsername(), "", user.getRole(), user.getSessionVersion());
	}

	/**
	 * Give another user a new password, which ends their browser sessions.
	 * @param id the user's id
	 * @param newPassword their new password
	 */
	@Transactional
	void resetPassword(UUID id, String newPassword) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
		user.changePassword(this.passwordEncoder.encode(Passwords.checkLength(newPassword)));
		this.audit.record("user.password-reset", "user", id.toString(), Map.of("username", user.getUsername()));
	}

	@Transactional
	void delete(UUID id, UUID actorId) {
		UserAccount user = this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
		if (id.equals(actorId)) {
			throw new SelfChangeException();
		}
		this.users.delete(user);
		this.audit.record("user.deleted", "user", id.toString(), Map.of("username", user.getUsername()));
	}

	/**
	 * A user as admins see them.
	 *
	 * @param id the user's id
	 * @param username the name they sign in with
	 * @param role their role
	 * @param createdAt when they were created
	 * @param applications the applications whose sessions they see: {@code "all"} or a
	 * list of ids; always {@code "all"} for admins
	 */
	record UserDetails(UUID id, String username, Role role, Instant createdAt, ApplicationGrant applications) {

		static UserDetails of(UserAccount account, ApplicationGrant grant) {
			return new UserDetails(account.getId(), account.getUsername(), account.getRole(), account.getCreatedAt(),
					(account.getRole() == Role.admin) ? ApplicationGrant.ALL : grant);
		}

	}

}
