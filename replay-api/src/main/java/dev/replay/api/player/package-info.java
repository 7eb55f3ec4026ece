/**
 * The player's pages, served from the bundled static files.
 */
@NullMarked
@ApplicationModule(displayName = "API player")
package dev.replay.api.player;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
