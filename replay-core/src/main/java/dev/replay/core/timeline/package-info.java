/**
 * Assembling the events of many segments into one ordered, de-duplicated session stream.
 */
@NullMarked
package dev.replay.core.timeline;

import org.jspecify.annotations.NullMarked;
