package dev.replay.api.audit;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. Each one joins the caller's transaction when there is one, so a
 * change and its audit event are stored together or not at all; the actor and client
 * address come from the current request.
 */
@Service
@NamedInterface("api")
public class AuditLog {

	/** The actor of requests made without signing in. */
	public static final String ANONYMOUS = "anonymous";

	/**
	 * The longest actor kept: longer names (a made-up one in a failed sign-in, say) are
	 * cut to this many characters.
	 */
	public static final int MAX_ACTOR_LENGTH = 100;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Record an event done by the signed-in user.
	 * @param action what happened, for example {@code playlist.created}
	 * @param targetType the kind of thing it happened to, for example {@code playlist}
	 * @param targetId its id, or {@code null}
	 * @param details a few facts worth keeping; never payload contents or secrets
	 */
	@Transactional
	public void record(String action, String targetType, @Nullable String targetId, Map<String, ?> details) {
		recordAs(currentActor(), action, targetType, targetId, details);
	}

	/**
	 * Record an event on behalf of a named actor, for example a failed sign-in.
	 * @param actor who acted
	 * @param action what happened
	 * @param targetType the kind of thing it happened to
	 * @param targetId its id, or {@code null}
	 * @param details a few facts worth keeping
	 */
	@Transactional
	public void recordAs(String actor, String action, String targetType, @Nullable String targetId,
			Map<String, ?> details) {
		recordAs(actor, action, targetType, targetId, details, clientAddress());
	}

	/**
	 * Record an event on behalf of a named actor from a given client address, for events
	 * written after their request, for example a summary of failed sign-ins.
	 * @param actor who acted, cut to {@link #MAX_ACTOR_LENGTH} characters
	 * @param action what happened
	 * @param targetType the kind of thing it happened to
	 * @param targetId its id, or {@code null}
	 * @param details a few facts worth keeping
	 * @param clientAddress the client's address, or {@code null}
	 */
	@Transactional
	public void recordAs(String actor, String action, String targetType, @Nullable String targetId,
			Map<String, ?> details, @Nullable String clientAddress) {
		this.jdbc.sql("""
				insert into audit_event (actor, action, target_type, target_id, details, client_address)
				values (:actor, :action, :targetType, :targetId, cast(:details as jsonb), :clientAddress)""")
			.param("actor", truncate(actor))
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", targetId)
			.param("details", this.json.writeValueAsString(details))
			.param("clientAddress", clientAddress)
			.update();
	}

	/**
	 * Cut a name to {@link #MAX_ACTOR_LENGTH} characters.
	 * @param name the name
	 * @return the name, or its beginning
	 */
	public static String truncate(String name) {
		if (name.length() <= MAX_ACTOR_LENGTH) {
			return name;
		}
		int end = MAX_ACTOR_LENGTH;
		if (Character.isHighSurrogate(name.charAt(end - 1))) {
			end--;
		}
		return name.substring(0, end);
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return ANONYMOUS;
		}
		return authentication.getName();
	}

	private static @Nullable String clientAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
