package dev.replay.api.share;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The one session a valid share link plays: what its reads may touch and what their audit
 * events name.
 *
 * @param linkId the link
 * @param sessionId the session
 * @param applicationId the session's application
 * @param expiresAt when the link stops working
 * @param startAt where the link opens the session, in milliseconds from its start, or
 * {@code null} for its start
 * @param devtools whether the link shows the session's developer tools
 */
@NamedInterface("api")
public record SharedSession(UUID linkId, String sessionId, UUID applicationId, Instant expiresAt,
		@Nullable Long startAt, boolean devtools) {

}
