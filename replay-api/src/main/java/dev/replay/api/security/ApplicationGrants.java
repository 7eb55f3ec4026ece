package dev.replay.api.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.application.ApplicationSummary;
import dev.replay.ingest.application.UnknownApplicationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which applications' sessions each user may see (ADR 0013). A user is granted every
 * application (the default) or a list of them; an admin always sees every application.
 * The grant is read from the database on every use, so a change applies to the next
 * request of every signed-in session and API token.
 */
@Service
@NamedInterface("api")
public class ApplicationGrants {

	private final JdbcClient jdbc;

	private final ApplicationRegistry applications;

	private final AuditLog audit;

	ApplicationGrants(JdbcClient jdbc, ApplicationRegistry applications, AuditLog audit) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.audit = audit;
	}

	/**
	 * The sessions a signed-in user may see, for the session queries of a request.
	 * @param principal the user
	 * @return every application for admins; the user's grant otherwise, none when the
	 * user no longer exists
	 */
	@Transactional(readOnly = true)
	public ApplicationScope scopeOf(ReplayPrincipal principal) {
		if (principal.role() == Role.admin) {
			return ApplicationScope.ALL;
		}
		return grantOf(principal.id()).scope();
	}

	/**
	 * A user's grant as stored, whatever their role.
	 * @param userId the user
	 * @return the grant; no application when the user does not exist
	 */
	@Transactional(readOnly = true)
	public ApplicationGrant grantOf(UUID userId) {
		Boolean all = this.jdbc.sql("select all_applications from app_user where id = ?")
			.param(userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		if (all) {
			return ApplicationGrant.ALL;
		}
		return ApplicationGrant.of(this.jdbc.sql("select application_id from application_grant where user_id = ?")
			.param(userId)
			.query(UUID.class)
			.list());
	}

	/**
	 * Every user's stored grant, for the list of users.
	 * @return the grants by user id
	 */
	@Transactional(readOnly = true)
	Map<UUID, ApplicationGrant> grants() {
		Map<UUID, Set<UUID>> listed = new HashMap<>();
		this.jdbc.sql("select user_id, application_id from application_grant")
			.query((rs, row) -> listed.computeIfAbsent(rs.getObject(1, UUID.class), (id) -> new HashSet<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		Map<UUID, ApplicationGrant> grants = new HashMap<>();
		this.jdbc.sql("select id, all_applications from app_user").query((rs, row) -> {
			UUID id = rs.getObject(1, UUID.class);
			grants.put(id,
					rs.getBoolean(2) ? ApplicationGrant.ALL : ApplicationGrant.of(listed.getOrDefault(id, Set.of())));
			return id;
		}).list();
		return grants;
	}

	/**
	 * Grant a user every application or a list of them, replacing what they were granted;
	 * audited as {@code user.applications-changed}. Meant for administration and for
	 * mapping a claim of a single sign-on provider.
	 * @param userId the user
	 * @param grant what to grant
	 * @return the grant
	 * @throws UserNotFoundException if the user does not exist
	 * @throws UnknownApplicationException if a listed application does not exist
	 */
	@Transactional
	public ApplicationGrant grant(UUID userId, ApplicationGrant grant) {
		Set<UUID> known = knownApplications();
		for (UUID applicationId : grant.applicationIds()) {
			if (!known.contains(applicationId)) {
				throw new UnknownApplicationException(applicationId);
			}
		}
		return store(userId, grant, this.audit::record);
	}

	/**
	 * Grant a single sign-on user what their provider's claim lists, when it differs from
	 * what they have; application ids that do not exist (or are not ids) are left out
	 * rather than failing the sign-in. Audited on behalf of the user.
	 * @param user the signed-in user
	 * @param all whether the claim grants every application
	 * @param listed the application ids the claim lists when not all
	 * @return the grant as stored
	 */
	@Transactional
	ApplicationGrant grantFromClaim(ReplayPrincipal user, boolean all, List<String> listed) {
		ApplicationGrant wanted = all ? ApplicationGrant.ALL : ApplicationGrant.of(onlyKnown(listed));
		if (wanted.equals(grantOf(user.id()))) {
			return wanted;
		}
		return store(user.id(), wanted, (action, type, id, details) -> this.audit.recordAs(user.getUsername(), action,
				type, id, addMethod(details)));
	}

	private ApplicationGrant store(UUID userId, ApplicationGrant grant, AuditWriter audit) {
		int updated = this.jdbc.sql("update app_user set all_applications = ? where id = ?")
			.params(grant.all(), userId)
			.update();
		if (updated == 0) {
			throw new UserNotFoundException(userId);
		}
		this.jdbc.sql("delete from application_grant where user_id = ?").param(userId).update();
		for (UUID applicationId : grant.applicationIds()) {
			this.jdbc.sql("insert into application_grant (user_id, application_id) values (?, ?)")
				.params(userId, applicationId)
				.update();
		}
		audit.write("user.applications-changed", "user", userId.toString(), Map.of("applications", grant.all()
				? ApplicationGrant.ALL_VALUE : grant.applicationIds().stream().map(UUID::toString).toList()));
		return grant;
	}

	private Set<UUID> knownApplications() {
		return new HashSet<>(this.applications.listApplications().stream().map(ApplicationSummary::id).toList());
	}

	private List<UUID> onlyKnown(List<String> listed) {
		Set<UUID> known = knownApplications();
		List<UUID> ids = new ArrayList<>();
		for (String text : listed) {
			try {
				UUID id = UUID.fromString(text);
				if (known.contains(id)) {
					ids.add(id);
				}
			}
			catch (IllegalArgumentException ex) {
				// not an application id: grants nothing
			}
		}
		return ids;
	}

	private static Map<String, Object> addMethod(Map<String, ?> details) {
		Map<String, Object> withMethod = new LinkedHashMap<>(details);
		withMethod.put("method", "sso");
		return withMethod;
	}

	@FunctionalInterface
	private interface AuditWriter {

		void write(String action, String targetType, String targetId, Map<String, ?> details);

	}

}
