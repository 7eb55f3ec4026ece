/**
 * The REST API, security and the player pages of the Replay application.
 */
@NullMarked
package dev.replay.api;

import org.jspecify.annotations.NullMarked;
