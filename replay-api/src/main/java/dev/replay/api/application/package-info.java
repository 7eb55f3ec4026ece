/**
 * Administration of applications and their client tokens.
 */
@NullMarked
package dev.replay.api.application;

import org.jspecify.annotations.NullMarked;
