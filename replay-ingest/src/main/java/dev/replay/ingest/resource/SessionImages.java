package dev.replay.ingest.resource;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Which images of their application the mobile sessions show, and the images whose
 * sessions went: an image is stored once per application and shown by any number of
 * sessions, so it is deleted only once none of the stored sessions shows it. Each method
 * runs in the caller's transaction.
 */
@Repository
@NamedInterface("api")
public class SessionImages {

	private final JdbcClient jdbc;

	SessionImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Record the images a session shows, in place of those recorded before.
	 * @param sessionId the session
	 * @param applicationId its application
	 * @param resourceIds the resource ids its events show
	 */
	public void replace(String sessionId, UUID applicationId, Collection<String> resourceIds) {
		this.jdbc.sql("delete from session_image where session_id = ?").param(sessionId).update();
		if (resourceIds.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into session_image (session_id, application_id, resource_id)
				select :session, :application, unnest(cast(:ids as text[]))
				on conflict do nothing""")
			.param("session", sessionId)
			.param("application", applicationId)
			.param("ids", resourceIds.stream().distinct().toArray(String[]::new))
			.update();
	}

	/**
	 * Queue the images of sessions that are about to be deleted, to be deleted in turn
	 * once no other session shows them; call it before the sessions are deleted.
	 * @param sessionIds the sessions
	 */
	public void releaseImagesOf(Collection<String> sessionIds) {
		this.jdbc.sql("""
				insert into image_release (application_id, resource_id)
				select distinct application_id, resource_id from session_image where session_id = any(:ids)
				on conflict (application_id, resource_id) do update set queued_at = now()""")
			.param("ids", sessionIds.toArray(String[]::new))
			.update();
	}

	/**
	 * The applications with images queued for release.
	 * @return their ids
	 */
	public List<UUID> applicationsReleasingImages() {
		return this.jdbc.sql("select distinct application_id from image_release").query(UUID.class).list();
	}

	/**
	 * Delete the queued images of an application that no stored session shows, besides
	 * those shown by sessions not indexed yet, and empty its queue.
	 * @param applicationId the application
	 * @param shownByPending the resource ids that its sessions not indexed yet show
	 * @return how many images were deleted
	 */
	public int deleteReleased(UUID applicationId, Collection<String> shownByPending) {
		List<String> released = this.jdbc
			.sql("delete from image_release where application_id = ? returning resource_id")
			.param(applicationId)
			.query(String.class)
			.list();
		return this.jdbc.sql("""
				delete from replay_resource r
				where r.application_id = :application and r.id = any(:released) and r.id <> all(:pending)
				  and not exists (select 1 from session_image s
				                  where s.application_id = r.application_id and s.resource_id = r.id)""")
			.param("application", applicationId)
			.param("released", released.toArray(String[]::new))
			.param("pending", shownByPending.toArray(String[]::new))
			.update();
	}

}
