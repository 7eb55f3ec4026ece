package dev.replay.api.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings.
 *
 * @param adminPassword the password given to the user {@code admin} when it is first
 * created; a random one is generated and logged once when empty; like every password 12
 * characters to 72 bytes in UTF-8, or the application does not start
 * @param embedFrameAncestors the CSP sources (for example
 * {@code 'self' https://wiki.example.com}) that may show the embedded player
 * ({@code /embed/replays/…}) in a frame; every other page may only be framed by itself
 * @param linkEmbedFrameAncestors the CSP sources that may show the embedded player of a
 * share link ({@code /embed/s/…}) in a frame: any site by default, so that a shared
 * replay can be embedded wherever it is pasted
 */
@ConfigurationProperties("replay.security")
record SecurityProperties(@Nullable String adminPassword, @DefaultValue("'self'") String embedFrameAncestors,
		@DefaultValue("*") String linkEmbedFrameAncestors) {

}
