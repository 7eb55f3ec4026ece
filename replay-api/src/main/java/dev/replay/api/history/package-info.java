/**
 * Watch history: who watched which session, when and where, per session and per user.
 */
@NullMarked
@ApplicationModule(displayName = "API history")
package dev.replay.api.history;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
