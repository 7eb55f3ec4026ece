/**
 * Persistence of applications, client tokens, sessions and segments; internal to ingest.
 */
@NullMarked
package dev.replay.ingest.storage;

import org.jspecify.annotations.NullMarked;
