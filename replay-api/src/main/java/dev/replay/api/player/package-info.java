/**
 * The player's pages, served from the bundled static files.
 */
@NullMarked
package dev.replay.api.player;

import org.jspecify.annotations.NullMarked;
