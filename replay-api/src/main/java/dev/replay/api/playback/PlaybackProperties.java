package dev.replay.api.playback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Playback settings.
 *
 * @param auditWindow how long after a user's audited playback of a session their
 * follow-up windows ({@code continuation=true}) and reads of its RUM events, timeline,
 * views and images add no new audit event; past it, each counts as a new audited playback
 * or read
 */
@ConfigurationProperties("replay.playback")
public record PlaybackProperties(@DefaultValue("1h") Duration auditWindow) {

}
