/**
 * The player's pages, served from the bundled static files.
 */
@NullMarked
@ApplicationModule
package dev.replay.api.player;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
