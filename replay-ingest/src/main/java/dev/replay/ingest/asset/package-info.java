/**
 * Captured assets: the stylesheets, fonts and images that recorded pages referenced,
 * fetched once per application and kept by their SHA-256.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest assets")
package dev.replay.ingest.asset;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
