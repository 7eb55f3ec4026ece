/**
 * The rrweb events of a recording as typed values, for the logic that needs more than
 * their timestamps: page state, keyframes and the timeline summary.
 */
@NullMarked
package dev.replay.core.event;

import org.jspecify.annotations.NullMarked;
