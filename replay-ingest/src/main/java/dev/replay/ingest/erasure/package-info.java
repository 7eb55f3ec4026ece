/**
 * Erasure of a person: every session whose user has a given id or email deleted with
 * everything stored for it, in batches by a background job that resumes after a restart.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest erasure")
package dev.replay.ingest.erasure;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
