/**
 * A load generator for the intake that replays the test corpus with fresh ids, and the
 * checks of the fault scripts.
 */
@NullMarked
package dev.replay.ingest.load;

import org.jspecify.annotations.NullMarked;
