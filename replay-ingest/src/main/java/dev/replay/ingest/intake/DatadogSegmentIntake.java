package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.replay.core.compression.BoundedInflation;
import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.datadog.DatadogEventReader.Segments;
import dev.replay.core.datadog.DatadogSegmentReader;
import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.DatadogSegment;
import dev.replay.core.segment.DatadogSegmentMetadata;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentFormat;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.core.segment.SessionId;
import dev.replay.core.segment.Violation;
import dev.replay.ingest.intake.MultipartBody.Part;
import dev.replay.ingest.segment.MalformedSegmentException;
import dev.replay.ingest.segment.NewSegment;
import dev.replay.ingest.segment.SegmentCommitter;
import dev.replay.ingest.segment.SegmentWrite;
import dev.replay.ingest.segment.SessionConflictException;
import dev.replay.ingest.segment.SessionGoneException;
import dev.replay.ingest.segment.WriteResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The replay segments of a Datadog upload: each inflated under the cap and checked
 * against its metadata in one streaming pass, then all of them written as received,
 * answered only once committed. A repeat of the request id, or of a segment (session,
 * view, start, end, records), stores nothing.
 */
@Component
class DatadogSegmentIntake {

	private static final Logger LOG = LoggerFactory.getLogger(DatadogSegmentIntake.class);

	private static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,64}");

	private static final int MAX_ID_LENGTH = 128;

	private static final int MAX_USER_AGENT_LENGTH = 512;

	private final IngestProperties properties;

	private final IntakeAuthorization authorization;

	private final SegmentCommitter committer;

	private final EventTimeWindow window;

	private final DecodingSlots slots;

	DatadogSegmentIntake(IngestProperties properties, IntakeAuthorization authorization, SegmentCommitter committer,
			EventTimeWindow window, DecodingSlots slots) {
		this.properties = properties;
		this.authorization = authorization;
		this.committer = committer;
		this.window = window;
		this.slots = slots;
	}

	DatadogReceipt accept(DatadogRequest request, ReplayUpload upload, Segments metadata) throws IOException {
		if (!upload.images().isEmpty() || upload.segments().isEmpty()) {
			throw new MalformedBodyException("A segment upload needs 'segment' parts and no 'image' part.");
		}
		if (upload.segments().size() != metadata.segments().size()
				|| (!metadata.array() && metadata.segments().size() != 1)) {
			throw new MalformedBodyException("The upload has " + upload.segments().size()
					+ " segment parts but metadata for " + metadata.segments().size() + ".");
		}
		Set<UUID> applications = new LinkedHashSet<>();
		for (int i = 0; i < metadata.segments().size(); i++) {
			applications
				.add(DatadogIds.applicationId(metadata.segments().get(i).applicationId(), metadataPath(metadata, i)));
		}
		applications.forEach((application) -> this.authorization.requireAllowed(upload.token(), application));
		String format = (metadata.array() ? SegmentFormat.DATADOG_MOBILE : SegmentFormat.DATADOG_BROWSER).code();
		List<NewSegment> accepted = new ArrayList<>();
		for (int i = 0; i < upload.segments().size(); i++) {
			accepted.add(readSegment(request, "segment[" + i + "]", metadataPath(metadata, i), upload.segments().get(i),
					metadata.segments().get(i), format));
		}
		String requestId = request.receiptId();
		WriteResult result = this.committer.write(new SegmentWrite(
				(request.requestId() != null) ? accepted.get(0).applicationId() : null, request.requestId(), accepted));
		return switch (result.status()) {
			case REQUEST_SEEN -> {
				LOG.debug("Request {} was handled before.", requestId);
				yield new DatadogReceipt(requestId, 0, accepted.size(), 0);
			}
			case SESSION_CONFLICT ->
				throw new SessionConflictException(Objects.requireNonNull(result.conflictingSessionId()));
			case SESSION_GONE -> throw new SessionGoneException(Objects.requireNonNull(result.conflictingSessionId()));
			case WRITTEN -> new DatadogReceipt(requestId, result.stored(), result.duplicates(), 0);
		};
	}

	private NewSegment readSegment(DatadogRequest request, String path, String metadataPath, Part part,
			DatadogSegmentMetadata metadata, String format) throws IOException {
		if (!BoundedInflation.looksLikeZlib(part.content())) {
			throw new MalformedSegmentException("A segment part is not a zlib stream.",
					List.of(new Violation(path, "must be zlib-compressed")));
		}
		DatadogSegmentReader.Result result = this.slots.decode(() -> BodyDecoding.read("A segment", part.content(),
				ContentEncoding.ZLIB, this.properties.maxInflatedSize().toBytes(), DatadogSegmentReader::read,
				BodyDecoding.corruptSegment(path)));
		DatadogSegment segment = result.segment();
		if (segment == null) {
			throw new MalformedSegmentException("A segment is not a valid Datadog replay segment.",
					result.violations()
						.stream()
						.map((v) -> new Violation(path + "." + v.path(), v.message()))
						.toList());
		}
		List<Violation> contradictions = contradictions(path, metadataPath, metadata, segment);
		if (!contradictions.isEmpty()) {
			throw new MalformedSegmentException("A segment contradicts its metadata.", contradictions);
		}
		this.window.require(metadataPath + ".start", metadata.start(), metadata.end());
		this.window.require(path + ".records", segment.summary().firstTimestamp(), segment.summary().lastTimestamp());
		UUID applicationId = DatadogIds.applicationId(metadata.applicationId(), metadataPath);
		SegmentSummary records = segment.summary();
		SegmentSummary summary = new SegmentSummary(records.firstTimestamp(), records.lastTimestamp(),
				records.eventCount(), records.hasFullSnapshot() || metadata.hasFullSnapshot());
		String dedupKey = "dd:" + metadata.viewId() + ":" + metadata.start() + ":" + metadata.end() + ":"
				+ metadata.recordsCount();
		RecordingContext context = new RecordingContext(segment.href(), userAgent(request), null, null, null);
		return new NewSegment(metadata.sessionId(), applicationId, metadata.source(), dedupKey, null, metadata.viewId(),
				format, ContentEncoding.ZLIB, summary, context, part.content().length, part.content());
	}

	private static List<Violation> contradictions(String path, String metadataPath, DatadogSegmentMetadata metadata,
			DatadogSegment segment) {
		List<Violation> violations = new ArrayList<>();
		if (!SessionId.isValid(metadata.sessionId())) {
			violations.add(new Violation(metadataPath + ".session.id",
					"must be 1 to 128 letters, digits, '.', '_', ':' or '-'"));
		}
		if (metadata.viewId().length() > MAX_ID_LENGTH || ClientText.hasControl(metadata.viewId())) {
			violations.add(new Violation(metadataPath + ".view.id",
					"must be at most 128 characters without control characters"));
		}
		if (!SOURCE.matcher(metadata.source()).matches()) {
			violations.add(new Violation(metadataPath + ".source", "must be a lowercase SDK name"));
		}
		disagree(violations, path + ".application.id", segment.applicationId(), metadata.applicationId());
		disagree(violations, path + ".session.id", segment.sessionId(), metadata.sessionId());
		disagree(violations, path + ".view.id", segment.viewId(), metadata.viewId());
		disagree(violations, path + ".start", segment.start(), metadata.start());
		disagree(violations, path + ".end", segment.end(), metadata.end());
		disagree(violations, path + ".records_count", segment.recordsCount(), metadata.recordsCount());
		if (segment.summary().eventCount() != metadata.recordsCount()) {
			violations.add(new Violation(path + ".records", "holds " + segment.summary().eventCount()
					+ " records but the metadata says " + metadata.recordsCount()));
		}
		return violations;
	}

	private static void disagree(List<Violation> violations, String path, @Nullable Object inSegment,
			Object inMetadata) {
		if (inSegment != null && !inSegment.equals(inMetadata)) {
			violations.add(new Violation(path, "contradicts the event metadata"));
		}
	}

	private static String metadataPath(Segments metadata, int index) {
		return metadata.array() ? "event[" + index + "]" : "event";
	}

	private static @Nullable String userAgent(DatadogRequest request) {
		String userAgent = request.userAgent();
		if (userAgent == null) {
			return null;
		}
		return ClientText.storable((userAgent.length() > MAX_USER_AGENT_LENGTH)
				? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent);
	}

}
