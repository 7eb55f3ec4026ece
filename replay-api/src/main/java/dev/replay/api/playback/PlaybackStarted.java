package dev.replay.api.playback;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * A user started to watch a session; previews and thumbnails do not count.
 *
 * @param sessionId the session
 * @param applicationId its application
 * @param userId who watches
 * @param context where they watch it
 * @param startedAt when
 */
@NamedInterface("api")
public record PlaybackStarted(String sessionId, UUID applicationId, UUID userId, PlaybackContext context,
		Instant startedAt) {

}
