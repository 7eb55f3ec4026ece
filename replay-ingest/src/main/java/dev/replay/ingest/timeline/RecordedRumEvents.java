package dev.replay.ingest.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.replay.core.rum.RumEvent;
import dev.replay.core.rum.RumEventReader;
import dev.replay.core.timeline.RawEvent;

/**
 * Collects, from a session's merged rrweb stream, the console messages, unhandled errors
 * and navigations that our recorder script records, so that the developer tools list them
 * beside (or instead of) RUM events.
 */
final class RecordedRumEvents {

	private static final int MAX_EVENTS = 5000;

	private final String sessionId;

	private final String applicationId;

	private final List<RumEvent> events = new ArrayList<>();

	RecordedRumEvents(String sessionId, String applicationId) {
		this.sessionId = sessionId;
		this.applicationId = applicationId;
	}

	void accept(RawEvent event) {
		if (this.events.size() >= MAX_EVENTS) {
			return;
		}
		RumEvent rum = RumEventReader.fromRrweb(event.json(), this.sessionId, this.applicationId);
		if (rum != null) {
			this.events.add(rum);
		}
	}

	List<RumEvent> events() {
		return this.events;
	}

}
