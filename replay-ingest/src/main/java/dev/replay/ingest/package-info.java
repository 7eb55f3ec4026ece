/**
 * Intake of recordings into PostgreSQL; this root package is the public API that the rest
 * of the application may use.
 */
@NullMarked
package dev.replay.ingest;

import org.jspecify.annotations.NullMarked;
