package dev.replay.ingest.session;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.replay.core.privacy.Redaction;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.redaction.RedactionRules;
import dev.replay.ingest.redaction.SessionRedactions;
import dev.replay.ingest.resource.ResourceStore;
import dev.replay.ingest.resource.SessionResource;
import dev.replay.ingest.session.SessionReader.Position;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Read-only queries over recorded sessions, whose URLs and user fields come out with the
 * sessions' redaction rules applied.
 */
@Service
@NamedInterface("api")
public class RecordingCatalog {

	private final SessionReader reader;

	private final ResourceStore resources;

	private final RedactionRules redactions;

	RecordingCatalog(SessionReader reader, ResourceStore resources, RedactionRules redactions) {
		this.reader = reader;
		this.resources = resources;
		this.redactions = redactions;
	}

	/**
	 * List sessions, newest first.
	 * @param applicationId only sessions of this application, or all when {@code null}
	 * @param scope the applications whose sessions may be listed
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
	 * @param limit the page size, 1 to 200
	 * @return never {@code null}
	 */
	public SessionPage findSessions(@Nullable UUID applicationId, ApplicationScope scope, @Nullable String cursor,
			int limit) {
		return findSessions(SessionFilter.ofApplication(applicationId), scope, SessionSort.START, cursor, limit);
	}

	/**
	 * List sessions that pass a filter, in a sort order.
	 * @param filter which sessions
	 * @param scope the applications whose sessions may be listed
	 * @param sort the order
	 * @param cursor the {@code nextCursor} of the previous page in the same order, or
	 * {@code null}
	 * @param limit the page size, 1 to 200
	 * @return never {@code null}
	 * @throws InvalidCursorException if the cursor was not made by this method, or was
	 * made for another order
	 */
	public SessionPage findSessions(SessionFilter filter, ApplicationScope scope, SessionSort sort,
			@Nullable String cursor, int limit) {
		Position after = (cursor != null) ? decode(cursor, sort) : null;
		List<SessionSummary> rows = this.reader.findSessions(filter, scope, sort, after, limit + 1);
		List<SessionSummary> page = (rows.size() <= limit) ? rows : rows.subList(0, limit);
		String next = (rows.size() <= limit) ? null : encode(sort, page.get(limit - 1));
		SessionRedactions redactions = redactionsOf(page);
		return new SessionPage(page.stream()
			.filter((session) -> matchesOnceRedacted(session.id(), filter, redactions.of(session.id())))
			.map((session) -> session.redacted(redactions.of(session.id())))
			.toList(), next);
	}

	// A session that a text condition found only in what its redactions mask is left out
	// (the page may then be shorter than the limit). Texts are compared as ILIKE does,
	// ignoring case.
	private boolean matchesOnceRedacted(String sessionId, SessionFilter filter, Redaction redaction) {
		if (redaction.isEmpty()) {
			return true;
		}
		Map<String, String> conditions = new LinkedHashMap<>();
		conditions.put("url", filter.url());
		conditions.put("user", filter.user());
		conditions.put("error", filter.error());
		conditions.put("action", filter.action());
		conditions.values().removeIf(Objects::isNull);
		if (conditions.isEmpty()) {
			return true;
		}
		Map<String, List<String>> matched = this.reader.matchedTexts(sessionId, filter);
		return conditions.entrySet().stream().allMatch((condition) -> {
			String wanted = condition.getValue().toLowerCase(Locale.ROOT);
			return matched.getOrDefault(condition.getKey(), List.of())
				.stream()
				.map(redaction::apply)
				.anyMatch((text) -> text != null && text.toLowerCase(Locale.ROOT).contains(wanted));
		});
	}

	/**
	 * Find one session among those of the applications in a scope.
	 * @param sessionId the session id
	 * @param scope the applications whose sessions may be seen
	 * @return the session, if recorded in one of those applications
	 */
	public Optional<SessionSummary> findSession(String sessionId, ApplicationScope scope) {
		return this.reader.findSession(sessionId, scope)
			.map((session) -> session.redacted(this.redactions.forSession(session.applicationId(), sessionId)));
	}

	/**
	 * Find sessions by id among those of the applications in a scope, for features that
	 * keep session ids of their own (watch history, playlists).
	 * @param sessionIds the session ids
	 * @param scope the applications whose sessions may be seen
	 * @return the sessions recorded in one of those applications, in no particular order
	 */
	public List<SessionSummary> findSessions(Collection<String> sessionIds, ApplicationScope scope) {
		return redacted(this.reader.findSessions(sessionIds, scope));
	}

	/**
	 * The browser and device a session was recorded on; call it for a session found in
	 * the caller's scope.
	 * @param sessionId the session id
	 * @return the description, empty when nothing is known
	 */
	public Optional<SessionClient> findClient(String sessionId) {
		return this.reader.findClient(sessionId);
	}

	/**
	 * A user of the recorded sites, from the sessions of the applications in a scope that
	 * carry their id.
	 * @param userId the site's user id
	 * @param scope the applications whose sessions count
	 * @return the user, if any session in scope carries the id
	 */
	public Optional<SiteUser> findUser(String userId, ApplicationScope scope) {
		return this.reader.findUser(userId, scope);
	}

	/**
	 * The views of a session, in the order they started.
	 * @param sessionId the session id
	 * @return the views, empty when the recorder sent none
	 */
	public List<SessionView> views(String sessionId) {
		List<SessionView> views = this.reader.views(sessionId);
		if (views.isEmpty()) {
			return views;
		}
		return this.reader.findSession(sessionId)
			.map((session) -> this.redactions.forSession(session.applicationId(), sessionId))
			.map((redaction) -> views.stream().map((view) -> view.redacted(redaction)).toList())
			.orElse(views);
	}

	private List<SessionSummary> redacted(List<SessionSummary> sessions) {
		SessionRedactions redactions = redactionsOf(sessions);
		return sessions.stream().map((session) -> session.redacted(redactions.of(session.id()))).toList();
	}

	private SessionRedactions redactionsOf(List<SessionSummary> sessions) {
		Map<String, UUID> applications = new LinkedHashMap<>();
		sessions.forEach((session) -> applications.put(session.id(), session.applicationId()));
		return this.redactions.forSessions(applications);
	}

	/**
	 * Find an image that a session's recording refers to, among its application's.
	 * @param sessionId the session id
	 * @param resourceId the resource id
	 * @param scope the applications whose sessions may be seen
	 * @return the image, if the session (in the scope) and the image exist
	 */
	public Optional<SessionResource> findResource(String sessionId, String resourceId, ApplicationScope scope) {
		return this.resources.find(sessionId, resourceId, scope);
	}

	// the cursor names its order and carries the last row's key and id:
	// "<order>|<key>|<id>"
	private static String encode(SessionSort sort, SessionSummary last) {
		String key = switch (sort) {
			case START -> last.startedAt().toString();
			case DURATION -> Long.toString(last.durationMs());
			case ACTIVITY -> Long.toString(last.eventCount());
		};
		String raw = sort.code() + "|" + key + "|" + last.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static Position decode(String cursor, SessionSort sort) {
		String[] parts;
		try {
			parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidCursorException();
		}
		if (parts.length != 3 || parts[2].isEmpty()
				|| Arrays.stream(SessionSort.values()).noneMatch((known) -> known.code().equals(parts[0]))) {
			throw new InvalidCursorException();
		}
		if (!parts[0].equals(sort.code())) {
			throw new InvalidCursorException("The cursor belongs to another sort order; start again without it.");
		}
		try {
			return (sort == SessionSort.START) ? new Position(Instant.parse(parts[1]), 0, parts[2])
					: new Position(Instant.EPOCH, Long.parseLong(parts[1]), parts[2]);
		}
		catch (RuntimeException ex) {
			throw new InvalidCursorException();
		}
	}

}
