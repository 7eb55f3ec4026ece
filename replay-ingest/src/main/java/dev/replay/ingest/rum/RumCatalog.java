package dev.replay.ingest.rum;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.replay.core.privacy.Redaction;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.redaction.RedactionRules;
import dev.replay.ingest.rum.RumReader.Position;
import dev.replay.ingest.session.InvalidCursorException;
import dev.replay.ingest.session.SessionNotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Read-only queries over the RUM events of sessions: the developer tools' lists and what
 * RUM tells about a session, with the session's redaction rules applied to their texts.
 */
@Service
@NamedInterface("api")
public class RumCatalog {

	private final RumReader reader;

	private final RedactionRules redactions;

	RumCatalog(RumReader reader, RedactionRules redactions) {
		this.reader = reader;
		this.redactions = redactions;
	}

	/**
	 * A page of a session's events, in time order.
	 * @param sessionId the session
	 * @param scope the applications whose sessions may be seen
	 * @param type only events of this type ({@code console} also takes errors logged to
	 * the console), or {@code null} for all
	 * @param cursor the {@code nextCursor} of the previous page, or {@code null}
	 * @param limit the page size, 1 to 1000
	 * @return the page
	 * @throws SessionNotFoundException when the session has neither a recording nor RUM
	 * events, or belongs to an application outside the scope
	 * @throws InvalidCursorException when the cursor was not made here
	 */
	public RumPage events(String sessionId, ApplicationScope scope, @Nullable String type, @Nullable String cursor,
			int limit) {
		long start = this.reader.sessionStart(sessionId, scope)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		Position after = (cursor != null && !cursor.isEmpty()) ? decode(cursor) : null;
		List<RumItem> rows = this.reader.events(sessionId, type, after, limit + 1, start, redaction(sessionId));
		List<String> captured = this.reader.captured(sessionId);
		if (rows.size() <= limit) {
			return new RumPage(rows, null, captured);
		}
		List<RumItem> page = List.copyOf(rows.subList(0, limit));
		RumItem last = page.get(limit - 1);
		return new RumPage(page, encode(new Position(last.timestamp(), last.id())), captured);
	}

	/**
	 * What RUM told about a session.
	 * @param sessionId the session
	 * @param scope the applications whose sessions may be seen
	 * @return the summary, empty when the session has no RUM events
	 * @throws SessionNotFoundException when the session has neither a recording nor RUM
	 * events, or belongs to an application outside the scope
	 */
	public Optional<RumSessionSummary> summary(String sessionId, ApplicationScope scope) {
		long start = this.reader.sessionStart(sessionId, scope)
			.orElseThrow(() -> new SessionNotFoundException(sessionId));
		return this.reader.summary(sessionId, start, redaction(sessionId));
	}

	/**
	 * The application of a session that has a recording or RUM events, if it is in a
	 * scope.
	 * @param sessionId the session
	 * @param scope the applications whose sessions may be seen
	 * @return the application, empty when the session is unknown or outside the scope
	 */
	public Optional<UUID> applicationOf(String sessionId, ApplicationScope scope) {
		return this.reader.applicationOf(sessionId).filter(scope::includes);
	}

	// the rules of the session's application, with those of the session
	private Redaction redaction(String sessionId) {
		return this.reader.applicationOf(sessionId)
			.map((applicationId) -> this.redactions.forSession(applicationId, sessionId))
			.orElse(Redaction.NONE);
	}

	private static String encode(Position position) {
		String raw = position.timeMs() + "|" + position.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static Position decode(String cursor) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int bar = raw.indexOf('|');
			return new Position(Long.parseLong(raw.substring(0, bar)), Long.parseLong(raw.substring(bar + 1)));
		}
		catch (RuntimeException ex) {
			throw new InvalidCursorException();
		}
	}

}
