/**
 * Where recorded bytes live: in their PostgreSQL rows by default, or packed into objects
 * of an S3-compatible store that the rows point into.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest storage")
package dev.replay.ingest.storage;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
