package dev.replay.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;

import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, changes and deletes users; every change is audited.
 */
@Service
class UserAdministration {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog audit;

	UserAdministration(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.audit = audit;
	}

	@Transactional
	UserDetails create(String username, String password, Role role) {
		if (this.users.existsByUsername(username)) {
			throw new UserExistsException(username);
		}
		UserAccount user = this.users.save(new UserAccount(username, this.passwordEncoder.encode(password), role));
		this.audit.record("user.created", "user", user.getId().toString(),
				Map.of("username", username, "role", role.name()));
		return UserDetails.of(user);
	}

	@Transactional(readOnly = true)
	List<UserDetails> list() {
		return this.users.findAll(Sort.by("username")).stream().map(UserDetails::of).toList();
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
		return UserDetails.of(user);
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
	 */
	record UserDetails(UUID id, String username, Role role, Instant createdAt) {

		static UserDetails of(UserAccount account) {
			return new UserDetails(account.getId(), account.getUsername(), account.getRole(), account.getCreatedAt());
		}

	}

}
