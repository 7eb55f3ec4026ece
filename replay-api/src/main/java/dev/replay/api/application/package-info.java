/**
 * Administration of applications and their client tokens.
 */
@NullMarked
@ApplicationModule(displayName = "API application")
package dev.replay.api.application;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
