/**
 * Erasing a person: requesting that every session of a user id or email be deleted,
 * following its progress, and the audit of both.
 */
@NullMarked
@ApplicationModule(displayName = "API erasure")
package dev.replay.api.erasure;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
