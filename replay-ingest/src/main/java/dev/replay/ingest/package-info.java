/**
 * The recording side: intake, storage and reads of recordings, one package per feature;
 * the problem types shared with the application live here.
 */
@NullMarked
package dev.replay.ingest;

import org.jspecify.annotations.NullMarked;
