package dev.replay.ingest.resource;

import java.util.Optional;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the images that mobile recordings refer to, once per application and resource id.
 */
@Repository
@NamedInterface("api")
public class ResourceStore {

	private final JdbcClient jdbc;

	ResourceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Store an image unless the application already has one with that id.
	 * @param applicationId the application
	 * @param resourceId the SDK's id for the image
	 * @param contentType the sniffed media type
	 * @param body the image bytes
	 * @return {@code true} if it was new
	 */
	@Transactional
	public boolean store(UUID applicationId, String resourceId, String contentType, byte[] body) {
		return this.jdbc.sql("""
				insert into replay_resource (application_id, id, content_type, size, body) values (?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(applicationId, resourceId, contentType, body.length, body)
			.update() > 0;
	}

	/**
	 * Find an image of the application a session belongs to.
	 * @param sessionId the session
	 * @param resourceId the resource id
	 * @param scope the applications whose sessions may be seen
	 * @return the image, if both exist and the session is in the scope
	 */
	public Optional<SessionResource> find(String sessionId, String resourceId, ApplicationScope scope) {
		return this.jdbc.sql("""
				select r.content_type, r.body from replay_resource r
				join replay_session s on s.application_id = r.application_id
				where s.id = :session and r.id = :resource
				  and (cast(:apps as uuid[]) is null or s.application_id = any(cast(:apps as uuid[])))""")
			.param("session", sessionId)
			.param("resource", resourceId)
			.param("apps", scope.sqlArray())
			.query((rs, row) -> new SessionResource(rs.getString(1), rs.getBytes(2)))
			.optional();
	}

}
