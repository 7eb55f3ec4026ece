/**
 * Share links: expiring, unguessable links that play one session read-only to people who
 * are not signed in, on Replay's page or embedded in another site's.
 */
@NullMarked
@ApplicationModule(displayName = "API share")
package dev.replay.api.share;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
