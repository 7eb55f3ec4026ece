package dev.replay.api.security;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a user as stored now, for every request of a browser session: one lookup by
 * primary key.
 */
@Component
class SessionUsers {

	private final JdbcClient jdbc;

	SessionUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<StoredUser> find(UUID id) {
		return this.jdbc.sql("select username, role, session_version from app_user where id = ?")
			.param(id)
			.query((row, number) -> new StoredUser(id, row.getString("username"), Role.valueOf(row.getString("role")),
					row.getInt("session_version")))
			.optional();
	}

	/**
	 * A user's row as far as sessions care.
	 *
	 * @param id the user's id
	 * @param username their name
	 * @param role their role
	 * @param sessionVersion the version of their password (see
	 * {@link ReplayPrincipal#sessionVersion()})
	 */
	record StoredUser(UUID id, String username, Role role, int sessionVersion) {

		ReplayPrincipal principal() {
			return new ReplayPrincipal(this.id, this.username, "", this.role, this.sessionVersion);
		}

	}

}
