/**
 * Recorded sessions: search with cursors, details, views and deletion.
 */
@NullMarked
@NamedInterface("session")
package dev.replay.ingest.session;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
