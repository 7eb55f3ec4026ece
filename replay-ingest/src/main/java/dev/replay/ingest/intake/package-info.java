/**
 * The HTTP edge of the write path: recorders post segments here and get an answer only
 * once they are durable.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest intake")
package dev.replay.ingest.intake;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
