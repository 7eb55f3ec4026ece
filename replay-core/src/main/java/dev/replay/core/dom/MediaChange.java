package dev.replay.core.dom;

import org.jspecify.annotations.Nullable;

/**
 * A media element played, paused, sought or changed.
 *
 * @param id the media element
 * @param kind rrweb's MediaInteractions code: 0 play, 1 pause, 2 seeked, 3 volume, 4 rate
 * @param currentTime the playback position in seconds, if recorded
 * @param volume the volume, if recorded
 * @param muted whether it is muted, if recorded
 * @param playbackRate the rate, if recorded
 * @param loop whether it loops, if recorded
 */
public record MediaChange(int id, int kind, @Nullable Double currentTime, @Nullable Double volume,
		@Nullable Boolean muted, @Nullable Double playbackRate, @Nullable Boolean loop) {

}
