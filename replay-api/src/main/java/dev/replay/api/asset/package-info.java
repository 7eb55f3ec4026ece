/**
 * Serving captured assets, and listing the assets of a session with their state.
 */
@NullMarked
@ApplicationModule(displayName = "API assets")
package dev.replay.api.asset;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
