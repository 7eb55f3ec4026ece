package dev.replay.api.security;

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
			// users of single sign-on have no password to sign in with
			.filter((user) -> user.getPasswordHash() != null)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return new ReplayPrincipal(account.getId(), account.getUsername(), account.getPasswordHash(), account.getRole(),
				account.getSessionVersion());
	}

}
