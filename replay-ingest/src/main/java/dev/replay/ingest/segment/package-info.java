/**
 * Segment storage: the write queue, group commit of concurrent requests into one
 * transaction, and the segment rows.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest segment")
package dev.replay.ingest.segment;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
