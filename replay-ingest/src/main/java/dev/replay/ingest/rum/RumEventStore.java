package dev.replay.ingest.rum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.replay.core.rum.RumEvent;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * Writes RUM events in typed rows and keeps the per-session summary they feed
 * ({@code rum_session}) and the session's user up to date. Runs inside the caller's
 * transaction.
 */
@Repository
@NamedInterface("api")
public class RumEventStore {

	static final String ORIGIN_DATADOG = "datadog";

	private static final String ORIGIN_RECORDER = "recorder";

	private static final Comparator<RumEvent> LOCK_ORDER = Comparator.comparing(RumEvent::sessionId)
		.thenComparing(RumEvent::type)
		.thenComparing(RumEvent::eventKey, Comparator.nullsLast(Comparator.naturalOrder()));

	private final RumEventRows events;

	private final RumSessionRows sessions;

	RumEventStore(RumEventRows events, RumSessionRows sessions) {
		this.events = events;
		this.sessions = sessions;
	}

	/**
	 * Store the RUM events of a batch; events stored before (same session, type and id)
	 * are left as they are, except views, which a newer document version replaces. Then
	 * count the new ones into their sessions' summaries.
	 * @param batchId the raw batch they came in
	 * @param events the events
	 */
	void storeDatadog(long batchId, List<RumEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		Map<String, RumSessionDelta> deltas = new TreeMap<>();
		List<RumEvent> others = new ArrayList<>();
		// one order for every batch, so that concurrent batches with the same events take
		// their locks in the same order
		List<RumEvent> ordered = new ArrayList<>(events);
		ordered.sort(LOCK_ORDER);
		for (RumEvent event : ordered) {
			RumSessionDelta delta = deltas.computeIfAbsent(event.sessionId(),
					(id) -> new RumSessionDelta(UUID.fromString(event.applicationId())));
			delta.seen(event);
			if (RumEvent.VIEW.equals(event.type())) {
				if (this.events.upsertView(batchId, event)) {
					delta.viewCounted();
				}
			}
			else {
				others.add(event);
			}
		}
		boolean[] inserted = this.events.insert(batchId, ORIGIN_DATADOG, others, true);
		for (int i = 0; i < inserted.length; i++) {
			if (inserted[i]) {
				deltas.get(others.get(i).sessionId()).counted(others.get(i));
			}
		}
		deltas.forEach(this.sessions::save);
	}

	/**
	 * Replace the events derived from a session's rrweb recording (console messages,
	 * errors, navigations, requests, clicks and long tasks that our recorder script
	 * recorded, and what it says it captures).
	 * @param sessionId the session
	 * @param events the events, in time order
	 */
	public void replaceRecorded(String sessionId, List<RumEvent> events) {
		this.events.delete(sessionId, ORIGIN_RECORDER);
		this.events.insert(null, ORIGIN_RECORDER, events, false);
	}

}
