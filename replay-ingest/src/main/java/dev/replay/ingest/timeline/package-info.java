/**
 * Timeline indexing: keyframes and timeline summaries computed in the background from
 * stored segments.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest timeline")
package dev.replay.ingest.timeline;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
