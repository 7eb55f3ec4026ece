package dev.replay.api.audit;

import java.util.Map;

import dev.replay.ingest.retention.SessionsExpired;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records in the audit trail each batch of sessions that retention deleted, in the
 * transaction that deleted them.
 */
@Component
class RetentionAuditor {

	/** The actor of the changes that the retention job makes. */
	static final String RETENTION = "system:retention";

	private final AuditLog audit;

	RetentionAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(SessionsExpired expired) {
		this.audit.recordAs(RETENTION, "session.expired", "application", expired.applicationId().toString(),
				Map.of("retentionDays", expired.retentionDays(), "count", expired.sessionIds().size(), "sessionIds",
						expired.sessionIds()));
	}

}
