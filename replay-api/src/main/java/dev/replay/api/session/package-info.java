/**
 * Listing and describing recorded sessions.
 */
@NullMarked
@ApplicationModule(displayName = "API session")
package dev.replay.api.session;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
