package dev.replay.ingest.application;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Answers, in one query, whether a client token may write to an application.
 */
@Repository
@NamedInterface("api")
public class ClientTokenChecks {

	private final JdbcClient jdbc;

	ClientTokenChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Check a token against an application.
	 * @param token the token value as sent
	 * @param applicationId the application the segment names
	 * @return the verdict
	 */
	public TokenVerdict check(String token, UUID applicationId) {
		return this.jdbc.sql("""
				select (t.all_applications or exists (select 1 from client_token_application a
				        where a.client_token_id = t.id and a.application_id = :app))
				    and exists (select 1 from application where id = :app)
				from client_token t
				where t.token = :token and t.revoked_at is null""")
			.param("app", applicationId)
			.param("token", token)
			.query(Boolean.class)
			.optional()
			.map((allowed) -> allowed ? TokenVerdict.ALLOWED : TokenVerdict.NOT_ALLOWED)
			.orElse(TokenVerdict.UNKNOWN_TOKEN);
	}

	/**
	 * The outcome of a token check.
	 */
	public enum TokenVerdict {

		/** The token may write to the application. */
		ALLOWED,

		/**
		 * The token is valid but not for this application, or the application does not
		 * exist.
		 */
		NOT_ALLOWED,

		/** The token is unknown or revoked. */
		UNKNOWN_TOKEN

	}

}
