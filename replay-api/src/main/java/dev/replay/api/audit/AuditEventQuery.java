package dev.replay.api.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which audit events to read; every filter is optional.
 *
 * @param actor who acted
 * @param action what happened
 * @param targetType the kind of target
 * @param targetId the target's id
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 */
record AuditEventQuery(@Nullable String actor, @Nullable String action, @Nullable String targetType,
		@Nullable String targetId, @Nullable Instant from, @Nullable Instant to) {

}
