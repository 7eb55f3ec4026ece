package dev.replay.api.audit;

import java.util.Map;

import dev.replay.api.playback.PlaybackStarted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every playback in the audit trail, in the transaction that opened it.
 */
@Component
class PlaybackAuditor {

	private final AuditLog audit;

	PlaybackAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(PlaybackStarted playback) {
		this.audit.record("session.played", "session", playback.sessionId(),
				Map.of("context", playback.context().name(), "applicationId", playback.applicationId().toString()));
	}

}
