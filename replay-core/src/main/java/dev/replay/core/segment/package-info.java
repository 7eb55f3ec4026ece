/**
 * Segments of a recorded session: identifiers, summaries and validation outcomes.
 */
@NullMarked
package dev.replay.core.segment;

import org.jspecify.annotations.NullMarked;
