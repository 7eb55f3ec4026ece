/**
 * Inflation of compressed recording bodies (gzip, deflate, zlib) under a size cap.
 */
@NullMarked
package dev.replay.core.compression;

import org.jspecify.annotations.NullMarked;
