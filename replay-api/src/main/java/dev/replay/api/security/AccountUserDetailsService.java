package dev.replay.api.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads users from the database for sign-in.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	AccountUserDetailsService(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		UserAccount account = this.users.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return User.withUsername(account.getUsername())
			.password(account.getPasswordHash())
			.roles(rolesUpTo(account.getRole()))
			.build();
	}

	private static String[] rolesUpTo(Role role) {
		Role[] all = Role.values();
		String[] roles = new String[role.ordinal() + 1];
		for (int i = 0; i < roles.length; i++) {
			roles[i] = all[i].authority();
		}
		return roles;
	}

}
