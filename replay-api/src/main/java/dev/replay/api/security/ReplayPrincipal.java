package dev.replay.api.security;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user, however they signed in: their id, name and role.
 */
@NamedInterface("api")
public class ReplayPrincipal extends User {

	private static final long serialVersionUID = 1L;

	private final UUID id;

	private final Role role;

	private final int sessionVersion;

	ReplayPrincipal(UUID id, String username, String password, Role role) {
		this(id, username, password, role, 0);
	}

	ReplayPrincipal(UUID id, String username, String password, Role role, int sessionVersion) {
		super(username, password, authorities(role));
		this.id = id;
		this.role = role;
		this.sessionVersion = sessionVersion;
	}

	/**
	 * The user's id.
	 * @return never {@code null}
	 */
	public UUID id() {
		return this.id;
	}

	/**
	 * The user's role.
	 * @return never {@code null}
	 */
	public Role role() {
		return this.role;
	}

	/**
	 * The version of the user's password this sign-in was made with: a browser session
	 * ends once the stored version is another (see {@link SessionUserFilter}).
	 * @return the version, {@code 0} until the first new password
	 */
	int sessionVersion() {
		return this.sessionVersion;
	}

	private static List<GrantedAuthority> authorities(Role role) {
		// each role includes the ones before it
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (Role granted : Role.values()) {
			if (granted.ordinal() <= role.ordinal()) {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + granted.authority()));
			}
		}
		return authorities;
	}

}
