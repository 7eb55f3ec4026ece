package dev.replay.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.api.security.SsoClaimMapper.Applications;
import dev.replay.api.security.SsoClaimMapper.SsoIdentity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users who sign in with single sign-on: found by the provider's issuer and subject,
 * created at their first sign-in, their role set again at each sign-in when a role claim
 * is configured, and their applications when an applications claim is (ADR 0016). A local
 * user of the same name is never taken over: the new user's name then gets a suffix
 * derived from the subject.
 */
@Service
class SsoAccounts {

	private static final int SUFFIX_LENGTH = 8;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationGrants grants;

	SsoAccounts(JdbcClient jdbc, AuditLog audit, ApplicationGrants grants) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.grants = grants;
	}

	/**
	 * The user the provider signed in, created or updated as the claims say.
	 * @param issuer the provider's issuer, as in the ID token
	 * @param identity what the claims say about the user
	 * @param defaultRole the role of a new user when the claims map none
	 * @return the signed-in user
	 */
	@Transactional
	ReplayPrincipal signIn(String issuer, SsoIdentity identity, Role defaultRole) {
		ReplayPrincipal user = signInUser(issuer, identity, defaultRole);
		Applications applications = identity.applications();
		if (applications != null) {
			this.grants.grantFromClaim(user, applications.all(), applications.ids());
		}
		return user;
	}

	private ReplayPrincipal signInUser(String issuer, SsoIdentity identity, Role defaultRole) {
		Optional<LinkedUser> existing = find(issuer, identity.subject());
		if (existing.isEmpty()) {
			return create(issuer, identity, defaultRole);
		}
		LinkedUser user = existing.get();
		Role role = identity.role();
		if (role != null && role != user.role()) {
			this.jdbc.sql("update app_user set role = :role where id = :id")
				.param("role", role.name())
				.param("id", user.id())
				.update();
			this.audit.recordAs(user.username(), "user.role-changed", "user", user.id().toString(), Map.of("username",
					user.username(), "from", user.role().name(), "to", role.name(), "method", "sso"));
			return principal(new LinkedUser(user.id(), user.username(), role, user.sessionVersion()));
		}
		return principal(user);
	}

	private ReplayPrincipal create(String issuer, SsoIdentity identity, Role defaultRole) {
		Role role = (identity.role() != null) ? identity.role() : defaultRole;
		String username = identity.username();
		if (usernameTaken(username)) {
			username = withSuffix(username, issuer, identity.subject());
		}
		UUID id = UUID.randomUUID();
		// a concurrent first sign-in of the same person inserts nothing here and is found
		// below
		this.jdbc.sql("""
				insert into app_user (id, username, password_hash, role, sso_issuer, sso_subject)
				values (:id, :username, null, :role, :issuer, :subject)
				on conflict do nothing""")
			.param("id", id)
			.param("username", username)
			.param("role", role.name())
			.param("issuer", issuer)
			.param("subject", identity.subject())
			.update();
		LinkedUser user = find(issuer, identity.subject())
			.orElseThrow(() -> new IllegalStateException("The user name is taken; sign in again."));
		if (user.id().equals(id)) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("username", user.username());
			details.put("role", role.name());
			details.put("method", "sso");
			details.put("issuer", issuer);
			this.audit.recordAs(user.username(), "user.created", "user", id.toString(), details);
		}
		return principal(user);
	}

	private Optional<LinkedUser> find(String issuer, String subject) {
		return this.jdbc.sql("""
				select id, username, role, session_version from app_user
				where sso_issuer = :issuer and sso_subject = :subject""")
			.param("issuer", issuer)
			.param("subject", subject)
			.query((rs, row) -> new LinkedUser(rs.getObject("id", UUID.class), rs.getString("username"),
					Role.valueOf(rs.getString("role")), rs.getInt("session_version")))
			.optional();
	}

	private boolean usernameTaken(String username) {
		return this.jdbc.sql("select exists (select 1 from app_user where username = :username)")
			.param("username", username)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A name for a provider's user whose name a local user (or another provider's user)
	 * already has: the same for each sign-in of that person, so that a deleted user comes
	 * back under the same name.
	 * @param username the name the claims give
	 * @param issuer the provider
	 * @param subject the provider's id of the user
	 * @return for example {@code alice~3f2a9c1b}
	 */
	static String withSuffix(String username, String issuer, String subject) {
		String suffix = "~" + sha256(issuer + "\n" + subject).substring(0, SUFFIX_LENGTH);
		int room = SsoClaimMapper.MAX_USERNAME_LENGTH - suffix.length();
		String base = (username.codePointCount(0, username.length()) > room)
				? username.substring(0, username.offsetByCodePoints(0, room)) : username;
		return base + suffix;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static ReplayPrincipal principal(LinkedUser user) {
		// no password: this user cannot sign in with one
		return new ReplayPrincipal(user.id(), user.username(), "", user.role(), user.sessionVersion());
	}

	private record LinkedUser(UUID id, String username, Role role, int sessionVersion) {

	}

}
