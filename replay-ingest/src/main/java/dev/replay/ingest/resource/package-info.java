/**
 * Images and other resources a recording refers to, stored beside it and served to the
 * player.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest resource")
package dev.replay.ingest.resource;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
