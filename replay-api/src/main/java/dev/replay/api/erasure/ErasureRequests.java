package dev.replay.api.erasure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.ingest.erasure.Erasure;
import dev.replay.ingest.erasure.ErasureSubject;
import dev.replay.ingest.erasure.PersonErasures;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues an erasure and audits the request in the same transaction, with a hash of the
 * person's id or email and never the value.
 */
@Service
class ErasureRequests {

	private final PersonErasures erasures;

	private final AuditLog audit;

	ErasureRequests(PersonErasures erasures, AuditLog audit) {
		this.erasures = erasures;
		this.audit = audit;
	}

	@Transactional
	Erasure request(ErasureSubject subject, @Nullable UUID applicationId) {
		String requestedBy = AuditLog.truncate(SecurityContextHolder.getContext().getAuthentication().getName());
		Erasure erasure = this.erasures.request(subject, applicationId, requestedBy);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("subject", subject.kind().code());
		details.put("subjectSha256", erasure.subjectSha256());
		details.put("applicationId", (applicationId != null) ? applicationId.toString() : "all");
		details.put("sessionsFound", erasure.sessionsFound());
		this.audit.record("erasure.requested", "erasure", erasure.id().toString(), details);
		return erasure;
	}

	Erasure find(UUID id) {
		return this.erasures.find(id);
	}

}
