package dev.replay.ingest.segment;

import java.util.UUID;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * A segment ready to be stored, with what the session row needs to know about it.
 *
 * @param sessionId the session
 * @param applicationId the application the session belongs to
 * @param source where the recording comes from ({@code browser}, {@code android}, ...)
 * @param dedupKey what makes a repeat of this segment recognisable
 * @param sequence the batch number, for native batches
 * @param viewId the page view, if known
 * @param format the stored format
 * @param encoding how {@code body} is compressed
 * @param summary time range and counts
 * @param context page and user facts
 * @param receivedBytes how many bytes the client sent
 * @param body the stored bytes
 */
@NamedInterface("api")
public record NewSegment(String sessionId, UUID applicationId, String source, String dedupKey,
		@Nullable Integer sequence, @Nullable String viewId, String format, ContentEncoding encoding,
		SegmentSummary summary, RecordingContext context, int receivedBytes, byte[] body) {

}
