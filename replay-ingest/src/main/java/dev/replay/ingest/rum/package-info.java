/**
 * Real user monitoring events: raw batches, one typed row per event, the session's RUM
 * summary and their reads.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest RUM")
package dev.replay.ingest.rum;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
