package dev.replay.ingest.retention;

import java.util.List;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * Published after the retention job deleted a batch of an application's sessions.
 *
 * @param applicationId the application
 * @param retentionDays its retention when they were deleted
 * @param sessionIds the deleted sessions
 */
@NamedInterface("api")
public record SessionsExpired(UUID applicationId, int retentionDays, List<String> sessionIds) {

}
