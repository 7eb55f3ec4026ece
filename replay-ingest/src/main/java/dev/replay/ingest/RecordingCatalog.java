package dev.replay.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.replay.core.timeline.SegmentEvents;
import dev.replay.ingest.storage.ResourceStore;
import dev.replay.ingest.storage.SessionReader;
import dev.replay.ingest.storage.SessionReader.Position;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Read-only queries over recorded sessions and their stored segments.
 */
@Service
public class RecordingCatalog {

	private final SessionReader reader;

	private final ResourceStore resources;

	RecordingCatalog(SessionReader reader, ResourceStore resources) {
		this.reader = reader;
		this.resources = resources;
	}

	/**
	 * List sessions, newest first.
	 * @param applicationId only sessions of this application, or all when {@code null}
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
	 * @param limit the page size, 1 to 200
	 * @return never {@code null}
	 */
	public SessionPage findSessions(@Nullable UUID applicationId, @Nullable String cursor, int limit) {
		return findSessions(SessionFilter.ofApplication(applicationId), cursor, limit);
	}

	/**
	 * List sessions, newest first, that pass a filter.
	 * @param filter which sessions
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
	 * @param limit the page size, 1 to 200
	 * @return never {@code null}
	 */
	public SessionPage findSessions(SessionFilter filter, @Nullable String cursor, int limit) {
		Position after = (cursor != null) ? decode(cursor) : null;
		List<SessionSummary> rows = this.reader.findSessions(filter, after, limit + 1);
		if (rows.size() <= limit) {
			return new SessionPage(rows, null);
		}
		List<SessionSummary> page = rows.subList(0, limit);
		SessionSummary last = page.get(limit - 1);
		return new SessionPage(List.copyOf(page), encode(new Position(last.startedAt(), last.id())));
	}

	/**
	 * Find one session.
	 * @param sessionId the session id
	 * @return the session, if recorded
	 */
	public Optional<SessionSummary> findSession(String sessionId) {
		return this.reader.findSession(sessionId);
	}

	/**
	 * The views of a session, in the order they started.
	 * @param sessionId the session id
	 * @return the views, empty when the recorder sent none
	 */
	public List<SessionView> views(String sessionId) {
		return this.reader.views(sessionId);
	}

	/**
	 * The stored segments of a session, each read from the database only when asked.
	 * @param sessionId the session id
	 * @return the segments, never {@code null}
	 */
	public List<SegmentEvents> segments(String sessionId) {
		return this.reader.segments(sessionId);
	}

	/**
	 * Find an image that a session's recording refers to, among its application's.
	 * @param sessionId the session id
	 * @param resourceId the resource id
	 * @return the image, if the session and the image exist
	 */
	public Optional<SessionResource> findResource(String sessionId, String resourceId) {
		return this.resources.find(sessionId, resourceId);
	}

	private static String encode(Position position) {
		String raw = position.startedAt().toString() + "|" + position.sessionId();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static Position decode(String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int bar = raw.indexOf('|');
			return new Position(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
		}
		catch (RuntimeException ex) {
			throw new InvalidCursorException();
		}
	}

}
