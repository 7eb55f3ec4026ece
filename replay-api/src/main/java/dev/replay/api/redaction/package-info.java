/**
 * Redaction of stored sessions: editors add rules that mask a text or the elements of a
 * CSS selector in one session or every session of an application, audited, and list them.
 */
@NullMarked
@ApplicationModule(displayName = "Redaction")
package dev.replay.api.redaction;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
