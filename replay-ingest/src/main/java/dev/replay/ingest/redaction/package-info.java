/**
 * Redaction rules: texts and CSS selectors that every read of a session's recording, RUM
 * events and descriptions masks, for one session or every session of an application.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest redaction")
package dev.replay.ingest.redaction;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
