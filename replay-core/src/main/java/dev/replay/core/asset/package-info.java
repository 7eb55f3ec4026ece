/**
 * The stylesheets, fonts and images a recorded page referenced, found in its rrweb events
 * so that they can be captured, and the rewriting of their URLs to the captured copies.
 */
@NullMarked
package dev.replay.core.asset;

import org.jspecify.annotations.NullMarked;
