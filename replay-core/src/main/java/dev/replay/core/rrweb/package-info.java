/**
 * Reading rrweb events and our recorder's segments, and writing rrweb keyframes.
 */
@NullMarked
package dev.replay.core.rrweb;

import org.jspecify.annotations.NullMarked;
