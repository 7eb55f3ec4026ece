/**
 * Streaming a session's events to the player.
 */
@NullMarked
package dev.replay.api.playback;

import org.jspecify.annotations.NullMarked;
