package dev.replay.api.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings.
 *
 * @param adminPassword the password given to the user {@code admin} when it is first
 * created; a random one is generated and logged once when empty
 */
@ConfigurationProperties("replay.security")
record SecurityProperties(@Nullable String adminPassword) {

}
