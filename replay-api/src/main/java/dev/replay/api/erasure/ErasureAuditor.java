package dev.replay.api.erasure;

import java.util.Map;

import dev.replay.api.audit.AuditLog;
import dev.replay.ingest.erasure.ErasureCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records in the audit trail that an erasure completed (who had asked for it and how many
 * sessions it erased), in the transaction that completed it.
 */
@Component
class ErasureAuditor {

	/** The actor of the changes that the erasure job makes. */
	static final String ERASURE = "system:erasure";

	private final AuditLog audit;

	ErasureAuditor(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void on(ErasureCompleted completed) {
		this.audit.recordAs(ERASURE, "erasure.completed", "erasure", completed.erasureId().toString(),
				Map.of("requestedBy", completed.requestedBy(), "applicationId",
						(completed.applicationId() != null) ? completed.applicationId().toString() : "all",
						"sessionsErased", completed.sessionsErased(), "batches", completed.batches()));
	}

}
