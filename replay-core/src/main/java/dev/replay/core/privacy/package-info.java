/**
 * Masking of what a recording must not show: input values the page marked private.
 */
@NullMarked
package dev.replay.core.privacy;

import org.jspecify.annotations.NullMarked;
