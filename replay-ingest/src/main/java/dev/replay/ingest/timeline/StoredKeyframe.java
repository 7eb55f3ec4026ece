package dev.replay.ingest.timeline;

import java.util.List;

import dev.replay.core.timeline.RawEvent;

import org.springframework.modulith.NamedInterface;

/**
 * A keyframe as stored.
 *
 * @param offset milliseconds from the session's first event
 * @param timestamp epoch milliseconds of the last event the keyframe includes
 * @param includedAtTimestamp how many events of the merged stream at {@code timestamp}
 * the keyframe includes
 * @param events the keyframe's events, Meta first
 * @param maskedValues the sensitive values typed before the keyframe, to mask where the
 * page shows them later; never to be served
 */
@NamedInterface("api")
public record StoredKeyframe(long offset, long timestamp, int includedAtTimestamp, List<RawEvent> events,
		List<String> maskedValues) {

	public StoredKeyframe {
		events = List.copyOf(events);
		maskedValues = List.copyOf(maskedValues);
	}

}
