/**
 * Pure domain model, format conversion and timeline logic for session recordings.
 */
@NullMarked
package dev.replay.core;

import org.jspecify.annotations.NullMarked;
