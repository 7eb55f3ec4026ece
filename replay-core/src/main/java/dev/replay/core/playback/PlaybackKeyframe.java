package dev.replay.core.playback;

import java.util.List;

import dev.replay.core.timeline.Keyframe;
import dev.replay.core.timeline.RawEvent;

/**
 * A keyframe as playback starts from it: the page state at one moment as rrweb events,
 * and what the events after it need to be played and masked.
 *
 * @param offset milliseconds from the session's first event
 * @param timestamp epoch milliseconds of the last event the keyframe includes
 * @param nextEventIndex the index, in the session's merged stream, of the first event the
 * keyframe does not include
 * @param includedAtTimestamp how many events of the merged stream at {@code timestamp}
 * the keyframe includes, which playback from it skips
 * @param events the keyframe's events, Meta first
 * @param maskedValues the sensitive values typed before the keyframe, to mask where the
 * page shows them later; never to be served
 */
public record PlaybackKeyframe(long offset, long timestamp, long nextEventIndex, int includedAtTimestamp,
		List<RawEvent> events, List<String> maskedValues) {

	public PlaybackKeyframe {
		events = List.copyOf(events);
		maskedValues = List.copyOf(maskedValues);
	}

	static PlaybackKeyframe of(Keyframe keyframe, int includedAtTimestamp, List<String> maskedValues) {
		return new PlaybackKeyframe(keyframe.offset(), keyframe.timestamp(), keyframe.nextEventIndex(),
				includedAtTimestamp, keyframe.events(), maskedValues);
	}

}
