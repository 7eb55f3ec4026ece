package dev.replay.ingest.resource;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.storage.ObjectKind;
import dev.replay.ingest.storage.RecordingStorage;
import dev.replay.ingest.storage.StoredObjects;
import dev.replay.ingest.storage.StoredPart;
import dev.replay.ingest.storage.StoredParts;

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

	private final RecordingStorage storage;

	private final StoredObjects objects;

	ResourceStore(JdbcClient jdbc, RecordingStorage storage, StoredObjects objects) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.objects = objects;
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
		if (exists(applicationId, resourceId)) {
			return false;
		}
		StoredPart part = this.storage.store(ObjectKind.RESOURCE, List.of(body)).get(0);
		Long objectId = part.isInRow() ? null
				: this.objects.register(ObjectKind.RESOURCE, List.of(part)).get(part.objectKey());
		return this.jdbc.sql("""
				insert into replay_resource (application_id, id, content_type, size, body, object_id, checksum)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(applicationId, resourceId, contentType, body.length, part.inline(), objectId,
					part.isInRow() ? null : part.checksum())
			.update() > 0;
	}

	private boolean exists(UUID applicationId, String resourceId) {
		return this.jdbc.sql("select exists (select 1 from replay_resource where application_id = ? and id = ?)")
			.params(applicationId, resourceId)
			.query(Boolean.class)
			.single();
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
				select r.content_type, r.body, o.key, 0 as object_offset, r.size, r.checksum from replay_resource r
				join replay_session s on s.application_id = r.application_id
				left join stored_object o on o.id = r.object_id
				where s.id = :session and r.id = :resource
				  and (cast(:apps as uuid[]) is null or s.application_id = any(cast(:apps as uuid[])))""")
			.param("session", sessionId)
			.param("resource", resourceId)
			.param("apps", scope.sqlArray())
			.query((rs, row) -> new Found(rs.getString(1),
					StoredParts.of(rs, "body", "key", "object_offset", "size", "checksum")))
			.optional()
			.map((found) -> new SessionResource(found.contentType(), this.storage.read(found.part())));
	}

	private record Found(String contentType, StoredPart part) {
	}

}
