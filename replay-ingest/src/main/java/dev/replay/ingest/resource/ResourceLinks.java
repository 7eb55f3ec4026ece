package dev.replay.ingest.resource;

import org.springframework.modulith.NamedInterface;

/**
 * Where the images of a session's recording are served, as the application that serves
 * them names it: the recording side builds no link of its own. The links go into the
 * events converted from mobile recordings, and so into their stored keyframes.
 */
@FunctionalInterface
@NamedInterface("api")
public interface ResourceLinks {

	/**
	 * The link to an image of a session.
	 * @param sessionId the session
	 * @param resourceId the image
	 * @return the link that the player loads it from
	 */
	String link(String sessionId, String resourceId);

}
