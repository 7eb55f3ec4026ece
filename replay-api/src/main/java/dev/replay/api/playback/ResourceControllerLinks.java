package dev.replay.api.playback;

import dev.replay.ingest.resource.ResourceLinks;

import org.springframework.stereotype.Component;

/**
 * Links the images of mobile recordings to {@link ResourceController}, which serves them.
 */
@Component
class ResourceControllerLinks implements ResourceLinks {

	@Override
	public String link(String sessionId, String resourceId) {
		return "/api/v1/sessions/" + sessionId + "/resources/" + resourceId;
	}

}
