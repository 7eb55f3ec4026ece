/**
 * Applications and their client tokens: registration, revocation, and the check that lets
 * a token write to an application.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest application")
package dev.replay.ingest.application;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
