package dev.replay.ingest.session;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A user of a recorded site, as the sessions that carry their id describe them.
 *
 * @param userId the site's user id
 * @param name the latest name a recorder sent for them, if any
 * @param email the latest email a recorder sent for them, if any
 * @param sessionCount how many sessions carry the id
 * @param errorCount the errors of those sessions that have been indexed
 * @param rageClickCount the rage clicks of those sessions that have been indexed
 * @param firstSeenAt when the first of those sessions started
 * @param lastSeenAt when the last of those sessions ended
 */
@NamedInterface("api")
public record SiteUser(String userId, @Nullable String name, @Nullable String email, long sessionCount, long errorCount,
		long rageClickCount, Instant firstSeenAt, Instant lastSeenAt) {

}
