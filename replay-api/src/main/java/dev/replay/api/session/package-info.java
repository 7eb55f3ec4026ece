/**
 * Listing and describing recorded sessions.
 */
@NullMarked
@ApplicationModule
package dev.replay.api.session;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
