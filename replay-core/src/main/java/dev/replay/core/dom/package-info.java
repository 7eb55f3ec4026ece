/**
 * The recorded page as rrweb-snapshot serializes it, and the live page state that rrweb's
 * replayer would hold after applying a recording's changes.
 */
@NullMarked
package dev.replay.core.dom;

import org.jspecify.annotations.NullMarked;
