/**
 * The Replay application: the entry point that assembles ingest, the API and the player.
 */
@NullMarked
package dev.replay;

import org.jspecify.annotations.NullMarked;
