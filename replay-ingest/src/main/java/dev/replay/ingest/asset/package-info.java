/**
 * Captured assets: the stylesheets, fonts and images that recorded pages referenced,
 * fetched once per application after the recording was stored and kept by the SHA-256 of
 * their bytes, so that a replay looks as the page did when it was recorded.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest assets")
package dev.replay.ingest.asset;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
