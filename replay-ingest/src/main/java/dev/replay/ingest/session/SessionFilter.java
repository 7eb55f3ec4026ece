package dev.replay.ingest.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * Which sessions to list; every part is optional.
 *
 * @param applicationId only sessions of this application
 * @param sessionIds only these sessions, or any when {@code null}
 * @param excludedSessionIds none of these sessions
 * @param hasErrors only indexed sessions with at least one error
 * @param hasRageClicks only indexed sessions with at least one rage click
 * @param from only sessions that started at or after this instant
 * @param to only sessions that started before this instant
 * @param minDurationMs only sessions that lasted at least this long
 * @param maxDurationMs only sessions that lasted at most this long
 * @param sources only sessions recorded by one of these sources ({@code browser},
 * {@code android}, {@code ios}, ...); all when empty
 * @param url only sessions whose first URL or one of whose views' URLs contains this
 * text, ignoring case
 * @param user only sessions whose user id, name or email contains this text, ignoring
 * case
 * @param error only sessions with a RUM error whose message contains this text, ignoring
 * case
 * @param action only sessions with a RUM action whose name contains this text, ignoring
 * case
 * @param userId only sessions of the user with exactly this id
 */
@NamedInterface("api")
public record SessionFilter(@Nullable UUID applicationId, @Nullable Set<String> sessionIds,
		Set<String> excludedSessionIds, boolean hasErrors, boolean hasRageClicks, @Nullable Instant from,
		@Nullable Instant to, @Nullable Long minDurationMs, @Nullable Long maxDurationMs, List<String> sources,
		@Nullable String url, @Nullable String user, @Nullable String error, @Nullable String action,
		@Nullable String userId) {

	public SessionFilter {
		sessionIds = (sessionIds != null) ? Set.copyOf(sessionIds) : null;
		excludedSessionIds = Set.copyOf(excludedSessionIds);
		sources = List.copyOf(sources);
	}

	/**
	 * A filter on the application alone.
	 * @param applicationId the application, or {@code null} for all
	 * @return the filter
	 */
	public static SessionFilter ofApplication(@Nullable UUID applicationId) {
		return new SessionFilter(applicationId, null, Set.of(), false, false, null, null, null, null, List.of(), null,
				null, null, null, null);
	}

}
