/**
 * Where recorded bytes are stored, reported to admins following a move to the object
 * store.
 */
@NullMarked
@ApplicationModule(displayName = "API storage")
package dev.replay.api.storage;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
