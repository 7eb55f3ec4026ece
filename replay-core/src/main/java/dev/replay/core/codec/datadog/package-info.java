/**
 * Conversion of Datadog session replay segments into rrweb events.
 */
@NullMarked
package dev.replay.core.codec.datadog;

import org.jspecify.annotations.NullMarked;
