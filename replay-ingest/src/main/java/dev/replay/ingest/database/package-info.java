/**
 * Database set-up of the recording side: migrations run as the owner role, the
 * application connects as its own role.
 */
@NullMarked
@ApplicationModule(displayName = "Ingest database")
package dev.replay.ingest.database;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
