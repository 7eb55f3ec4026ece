package dev.replay.api.share;

import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The one session a valid share link plays: what its reads may touch and what their audit
 * events name.
 *
 * @param linkId the link
 * @param sessionId the session
 * @param applicationId the session's application
 */
@NamedInterface("api")
public record SharedSession(UUID linkId, String sessionId, UUID applicationId) {

}
