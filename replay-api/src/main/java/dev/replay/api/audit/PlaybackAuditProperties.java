package dev.replay.api.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How playbacks are audited.
 *
 * @param auditWindow how long after a user's audited playback of a session their
 * follow-up windows ({@code continuation=true}) and reads of its RUM events, timeline,
 * views and images add no new audit event; past it, each counts as a new audited playback
 * or read
 */
@ConfigurationProperties("replay.playback")
record PlaybackAuditProperties(@DefaultValue("1h") Duration auditWindow) {

}
