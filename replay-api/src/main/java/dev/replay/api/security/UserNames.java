package dev.replay.api.security;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user names of users, for features that keep user ids of their own.
 */
@Service
@NamedInterface("api")
public class UserNames {

	private final UserAccountRepository users;

	UserNames(UserAccountRepository users) {
		this.users = users;
	}

	/**
	 * The names of users.
	 * @param userIds the users
	 * @return each existing user's name by id; users that do not exist are left out
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> of(Collection<UUID> userIds) {
		return this.users.findAllById(userIds)
			.stream()
			.collect(Collectors.toMap(UserAccount::getId, UserAccount::getUsername));
	}

}
