/**
 * Real user monitoring events of a session (views, actions, errors, resources, long
 * tasks, console messages) in the typed form that the developer tools and session search
 * use, and the reader of Datadog RUM batches.
 */
@NullMarked
package dev.replay.core.rum;

import org.jspecify.annotations.NullMarked;
