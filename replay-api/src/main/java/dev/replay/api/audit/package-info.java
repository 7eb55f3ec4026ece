/**
 * The append-only audit trail: who did what to which target, and the admin queries over
 * it.
 */
@NullMarked
@ApplicationModule(displayName = "API audit")
package dev.replay.api.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
