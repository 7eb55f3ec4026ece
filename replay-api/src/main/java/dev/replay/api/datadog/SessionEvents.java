package dev.replay.api.datadog;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.replay.api.datadog.JsonApi.SessionAttributes;
import dev.replay.api.datadog.JsonApi.SessionData;
import dev.replay.ingest.application.ApplicationScope;
import dev.replay.ingest.session.RecordingCatalog;
import dev.replay.ingest.session.SessionSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Describes a session the way Datadog's {@code rum_replay_session} resources do: a track
 * and a RUM-like {@code session_event}.
 */
@Component
class SessionEvents {

	private final RecordingCatalog catalog;

	SessionEvents(RecordingCatalog catalog) {
		this.catalog = catalog;
	}

	SessionData resource(String sessionId, java.time.@Nullable Instant lastWatchedAt, ApplicationScope scope) {
		SessionSummary session = this.catalog.findSession(sessionId, scope).orElse(null);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("type", "session");
		event.put("session", Map.of("id", sessionId));
		String track = null;
		if (session != null) {
			event.put("date", session.startedAt().toEpochMilli());
			event.put("application", Map.of("id", session.applicationId().toString()));
			if (session.firstUrl() != null) {
				event.put("view", Map.of("url", session.firstUrl()));
			}
			track = "browser".equals(session.source()) ? "web" : session.source();
		}
		return new SessionData(sessionId, JsonApi.SESSION, new SessionAttributes(track, event, lastWatchedAt));
	}

}
