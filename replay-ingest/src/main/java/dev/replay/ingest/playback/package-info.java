/**
 * Playback of a stored session: the keyframe and segments from a moment, read in one
 * stream.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest playback")
package dev.replay.ingest.playback;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
