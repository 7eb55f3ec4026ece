package dev.replay.ingest.rum;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.rum.RumEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A batch of Datadog RUM or log events ready to be stored as received.
 *
 * @param requestId the client's request id, if it sent one
 * @param applicationId the application its events name, if any
 * @param track {@code rum} or {@code logs}
 * @param encoding how {@code body} is compressed
 * @param receivedBytes how many bytes the client sent
 * @param lines the non-blank lines
 * @param skippedLines the lines that were not JSON objects, or not valid RUM events
 * @param sessionIds the sessions its events name
 * @param body the stored bytes
 * @param events the valid RUM events, stored typed beside the batch
 */
@NamedInterface("api")
public record NewRumBatch(@Nullable String requestId, @Nullable UUID applicationId, String track,
		ContentEncoding encoding, int receivedBytes, int lines, int skippedLines, Set<String> sessionIds, byte[] body,
		List<RumEvent> events) {

}
