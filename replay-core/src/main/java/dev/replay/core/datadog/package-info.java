/**
 * Reading Datadog session replay segments and converting their records and mobile
 * wireframes into rrweb events.
 */
@NullMarked
package dev.replay.core.datadog;

import org.jspecify.annotations.NullMarked;
