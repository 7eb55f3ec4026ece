/**
 * Benchmarks of playback and seeking that print their figures; run with the
 * {@code benchmarks} profile, never by {@code verify}.
 */
@NullMarked
package dev.replay.benchmark;

import org.jspecify.annotations.NullMarked;
