/**
 * Streaming a session's events to the player, and downloading a whole session.
 */
@NullMarked
@ApplicationModule(displayName = "API playback")
package dev.replay.api.playback;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
