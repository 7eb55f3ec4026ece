/**
 * Retention: removes each application's sessions once they are older than its retention,
 * in small batches found through indexes, keeping the sessions that are held.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest retention")
package dev.replay.ingest.retention;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
