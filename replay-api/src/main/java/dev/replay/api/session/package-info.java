/**
 * Listing and describing recorded sessions.
 */
@NullMarked
package dev.replay.api.session;

import org.jspecify.annotations.NullMarked;
