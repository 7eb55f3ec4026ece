/**
 * Administration of applications and their client tokens.
 */
@NullMarked
@ApplicationModule
package dev.replay.api.application;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
