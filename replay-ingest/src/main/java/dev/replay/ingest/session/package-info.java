/**
 * Recorded sessions: search with cursors, details, views and deletion.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest session")
package dev.replay.ingest.session;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
