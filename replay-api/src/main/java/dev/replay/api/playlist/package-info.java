/**
 * Playlists: named lists of sessions in the order they were added, owned by the editor
 * who made them.
 */
@NullMarked
@ApplicationModule(displayName = "API playlist")
package dev.replay.api.playlist;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
