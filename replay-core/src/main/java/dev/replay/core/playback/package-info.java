/**
 * The playback contract: the keyframes the indexer writes and the masked, ordered event
 * stream that plays a session from one of them, decoded from its stored segments.
 */
@NullMarked
package dev.replay.core.playback;

import org.jspecify.annotations.NullMarked;
