/**
 * Datadog's REST API for RUM replay playlists and viewership, in its JSON:API shapes,
 * over Replay's own playlists and watch history, so that Datadog's API clients work after
 * changing only the base URL.
 */
@NullMarked
@ApplicationModule(displayName = "API Datadog")
package dev.replay.api.datadog;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
