package dev.replay.api.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One audit event.
 *
 * @param id its position in the trail
 * @param occurredAt when it happened
 * @param actor who acted
 * @param action what happened
 * @param targetType the kind of target
 * @param targetId the target's id
 * @param details facts recorded with it
 * @param clientAddress the address the request came from
 */
record AuditEventResponse(long id, Instant occurredAt, String actor, String action, String targetType,
		@Nullable String targetId, JsonNode details, @Nullable String clientAddress) {

}
