package dev.replay.api.application;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.replay.api.audit.AuditLog;
import dev.replay.ingest.application.ApplicationRegistry;
import dev.replay.ingest.application.ApplicationRegistry.CreatedApplication;
import dev.replay.ingest.application.ApplicationSummary;
import dev.replay.ingest.application.ClientTokenDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes applications and client tokens through the ingest registry, and audits each
 * change in the same transaction.
 */
@Service
class ApplicationAdministration {

	private final ApplicationRegistry registry;

	private final AuditLog audit;

	ApplicationAdministration(ApplicationRegistry registry, AuditLog audit) {
		this.registry = registry;
		this.audit = audit;
	}

	@Transactional
	CreatedApplication createApplication(String name, @Nullable UUID id) {
		CreatedApplication created = this.registry.createApplication(name, id);
		this.audit.record("application.created", "application", created.application().id().toString(),
				Map.of("name", name, "clientTokenId", created.clientToken().id().toString()));
		return created;
	}

	@Transactional
	ApplicationSummary changeRetention(UUID id, int retentionDays) {
		ApplicationSummary changed = this.registry.changeRetention(id, retentionDays);
		this.audit.record("application.retention-changed", "application", id.toString(),
				Map.of("retentionDays", retentionDays));
		return changed;
	}

	@Transactional
	ClientTokenDetails createClientToken(String name, @Nullable String value, @Nullable List<UUID> applicationIds) {
		ClientTokenDetails token = this.registry.createClientToken(name, value, applicationIds);
		this.audit.record("client-token.created", "client-token", token.id().toString(),
				Map.of("name", name, "applicationIds", (applicationIds != null) ? applicationIds.toString() : "all"));
		return token;
	}

	@Transactional
	ClientTokenDetails revokeClientToken(UUID id) {
		ClientTokenDetails token = this.registry.revokeClientToken(id);
		this.audit.record("client-token.revoked", "client-token", id.toString(), Map.of("name", token.name()));
		return token;
	}

}
