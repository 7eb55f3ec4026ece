/**
 * Watch history: who watched which session, when and where, per session and per user.
 */
@NullMarked
package dev.replay.api.history;

import org.jspecify.annotations.NullMarked;
