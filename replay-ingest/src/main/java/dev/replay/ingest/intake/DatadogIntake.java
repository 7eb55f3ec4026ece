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
import dev.replay.core.datadog.DatadogEventReader;
import dev.replay.core.datadog.DatadogEventReader.Resources;
import dev.replay.core.datadog.DatadogEventReader.Segments;
import dev.replay.core.datadog.DatadogSegmentReader;
import dev.replay.core.rum.RumBatchReader;
import dev.replay.core.rum.RumEvent;
import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.DatadogSegment;
import dev.replay.core.segment.DatadogSegmentMetadata;
import dev.replay.core.segment.RecordingContext;
import dev.replay.core.segment.SegmentSummary;
import dev.replay.core.segment.SessionId;
import dev.replay.core.segment.Violation;
import dev.replay.ingest.intake.MultipartBody.Part;
import dev.replay.ingest.resource.ImageTypes;
import dev.replay.ingest.resource.ResourceStore;
import dev.replay.ingest.rum.NewRumBatch;
import dev.replay.ingest.rum.RumBatchStore;
import dev.replay.ingest.segment.MalformedSegmentException;
import dev.replay.ingest.segment.NewSegment;
import dev.replay.ingest.segment.SegmentCommitter;
import dev.replay.ingest.segment.SegmentWrite;
import dev.replay.ingest.segment.SessionConflictException;
import dev.replay.ingest.segment.WriteResult;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Checks what the Datadog SDKs send (replay segments, image resources, RUM and log
 * batches) and stores it as received, answering only once it is committed.
 */
@Service
class DatadogIntake {

	private static final Logger LOG = LoggerFactory.getLogger(DatadogIntake.class);

	private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private static final Pattern SOURCE = Pattern.compile("[a-z0-9_-]{1,64}");

	private static final int MAX_ID_LENGTH = 128;

	private static final int MAX_USER_AGENT_LENGTH = 512;

	private static final int MAX_PART_NAME_LENGTH = 64;

	private final IngestProperties properties;

	private final IntakeAuthorization authorization;

	private final SegmentCommitter committer;

	private final ResourceStore resources;

	private final RumBatchStore batches;

	private final EventTimeWindow window;

	DatadogIntake(IngestProperties properties, IntakeAuthorization authorization, SegmentCommitter committer,
			ResourceStore resources, RumBatchStore batches, EventTimeWindow window) {
		this.window = window;
		this.properties = properties;
		this.authorization = authorization;
		this.committer = committer;
		this.resources = resources;
		this.batches = batches;
	}

	DatadogReceipt acceptReplay(DatadogRequest request) throws IOException {
		String token = IntakeAuthorization.present(request.token());
		String boundary = MultipartBody.boundary(request.contentType());
		ContentEncoding encoding = BodyDecoding.encoding(request.contentEncoding());
		byte[] received = BodyReader.read(request.request(), this.properties.maxBodySize().toBytes());
		byte[] body = BodyDecoding.decodeBody(received, encoding, maxInflated());
		Upload upload = Upload.of(MultipartBody.parse(body, boundary));
		DatadogEventReader.Result event = DatadogEventReader.read(upload.event().content());
		if (event.event() == null) {
			throw new MalformedSegmentException("The event part is not valid segment or resource metadata.",
					event.violations());
		}
		if (event.event() instanceof Resources announced) {
			return acceptResources(request, token, announced, upload);
		}
		return acceptSegments(request, token, (Segments) event.event(), upload);
	}

	private DatadogReceipt acceptSegments(DatadogRequest request, String token, Segments metadata, Upload upload)
			throws IOException {
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
			applications.add(uuid(metadata.segments().get(i).applicationId(), metadataPath(metadata, i)));
		}
		applications.forEach((application) -> this.authorization.requireAllowed(token, application));
		String format = metadata.array() ? "datadog-mobile" : "datadog-browser";
		List<NewSegment> accepted = new ArrayList<>();
		for (int i = 0; i < upload.segments().size(); i++) {
			accepted.add(readSegment(request, "segment[" + i + "]", metadataPath(metadata, i), upload.segments().get(i),
					metadata.segments().get(i), format));
		}
		String requestId = (request.requestId() != null) ? request.requestId() : UUID.randomUUID().toString();
		WriteResult result = this.committer.write(new SegmentWrite(
				(request.requestId() != null) ? accepted.get(0).applicationId() : null, request.requestId(), accepted));
		return switch (result.status()) {
			case REQUEST_SEEN -> {
				LOG.debug("Request {} was handled before.", requestId);
				yield new DatadogReceipt(requestId, 0, accepted.size(), 0);
			}
			case SESSION_CONFLICT ->
				throw new SessionConflictException(Objects.requireNonNull(result.conflictingSessionId()));
			case WRITTEN -> new DatadogReceipt(requestId, result.stored(), result.duplicates(), 0);
		};
	}

	private NewSegment readSegment(DatadogRequest request, String path, String metadataPath, Part part,
			DatadogSegmentMetadata metadata, String format) throws IOException {
		if (!BoundedInflation.looksLikeZlib(part.content())) {
			throw new MalformedSegmentException("A segment part is not a zlib stream.",
					List.of(new Violation(path, "must be zlib-compressed")));
		}
		DatadogSegmentReader.Result result = BodyDecoding.read("A segment", part.content(), ContentEncoding.ZLIB,
				maxInflated(), DatadogSegmentReader::read, BodyDecoding.corruptSegment(path));
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
		UUID applicationId = uuid(metadata.applicationId(), metadataPath);
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

	private DatadogReceipt acceptResources(DatadogRequest request, String token, Resources announced, Upload upload) {
		if (upload.images().isEmpty() || !upload.segments().isEmpty()) {
			throw new MalformedBodyException("A resource upload needs 'image' parts and no 'segment' part.");
		}
		UUID applicationId = uuid(announced.applicationId(), "event");
		this.authorization.requireAllowed(token, applicationId);
		List<Image> images = new ArrayList<>();
		for (Part part : upload.images()) {
			String id = part.filename();
			if (id == null || !RESOURCE_ID.matcher(id).matches()) {
				throw new MalformedBodyException(
						"An image part needs a file name of 1 to 128 letters, digits, '.', '_' or '-' (its resource id).");
			}
			String contentType = ImageTypes.sniff(part.content())
				.orElseThrow(() -> new UnsupportedBodyException(
						"Image resource " + id + " is not a WebP, PNG, JPEG, GIF or SVG image."));
			images.add(new Image(id, contentType, part.content()));
		}
		int stored = 0;
		for (Image image : images) {
			stored += this.resources.store(applicationId, image.id(), image.contentType(), image.bytes()) ? 1 : 0;
		}
		String requestId = (request.requestId() != null) ? request.requestId() : UUID.randomUUID().toString();
		return new DatadogReceipt(requestId, stored, images.size() - stored, 0);
	}

	DatadogReceipt acceptEvents(DatadogRequest request) throws IOException {
		String token = IntakeAuthorization.present(request.token());
		ContentEncoding encoding = request.evpDeflate() ? ContentEncoding.ZLIB
				: BodyDecoding.encoding(request.contentEncoding());
		byte[] received = BodyReader.read(request.request(), this.properties.maxBodySize().toBytes());
		boolean rum = request.track() == DatadogTrack.RUM;
		RumBatchReader.Summary summary = BodyDecoding.read("The request body", received, encoding, maxInflated(),
				rum ? RumBatchReader::readRum : RumBatchReader::read, (message) -> new MalformedBodyException(
						"The request body cannot be inflated as " + encoding.code() + " (" + message + ")."));
		if (summary.lines() == 0) {
			throw new MalformedBodyException("The batch holds no events.");
		}
		List<UUID> applications = summary.applicationIds()
			.stream()
			.map(DatadogIntake::uuidOrNull)
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		if (applications.isEmpty()) {
			this.authorization.requireKnown(token);
		}
		applications.forEach((application) -> this.authorization.requireAllowed(token, application));
		boolean compress = encoding == ContentEncoding.IDENTITY;
		// RUM events dated outside the window are skipped like invalid ones, and the
		// batch
		// is kept raw: it expires by its receipt, as log batches, whose dates are not
		// read
		List<RumEvent> events = summary.events()
			.stream()
			.filter((event) -> this.window.contains(event.timeMs()))
			.toList();
		int skipped = summary.skipped() + summary.events().size() - events.size();
		NewRumBatch batch = new NewRumBatch(request.requestId(), applications.isEmpty() ? null : applications.get(0),
				request.track().code(), compress ? ContentEncoding.GZIP : encoding, received.length, summary.lines(),
				skipped, summary.sessionIds(), compress ? BodyDecoding.gzip(received) : received, events);
		String requestId = (request.requestId() != null) ? request.requestId() : UUID.randomUUID().toString();
		boolean stored;
		try {
			stored = this.batches.store(batch, rum);
		}
		catch (DataIntegrityViolationException ex) {
			// an event the database refuses in typed form (such as text it cannot hold)
			// must not
			// lose the batch: keep it raw, and count its events as skipped
			LOG.warn("RUM events of request {} could not be stored typed; the batch is kept raw: {}", requestId,
					ex.getMessage());
			stored = this.batches.store(batch, false);
			skipped = summary.lines();
		}
		if (skipped > 0) {
			LOG.info("Skipped {} of {} lines of {} batch {}.", skipped, summary.lines(), request.track().code(),
					requestId);
		}
		return new DatadogReceipt(requestId, stored ? 1 : 0, stored ? 0 : 1, skipped);
	}

	private long maxInflated() {
		return this.properties.maxInflatedSize().toBytes();
	}

	private static String metadataPath(Segments metadata, int index) {
		return metadata.array() ? "event[" + index + "]" : "event";
	}

	private static UUID uuid(String applicationId, String path) {
		UUID uuid = uuidOrNull(applicationId);
		if (uuid == null) {
			throw new MalformedSegmentException("The application id is not valid.",
					List.of(new Violation(path + ".application.id", "must be a UUID")));
		}
		return uuid;
	}

	private static @Nullable UUID uuidOrNull(String text) {
		try {
			UUID uuid = UUID.fromString(text);
			return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String userAgent(DatadogRequest request) {
		String userAgent = request.userAgent();
		if (userAgent == null) {
			return null;
		}
		return ClientText.storable((userAgent.length() > MAX_USER_AGENT_LENGTH)
				? userAgent.substring(0, MAX_USER_AGENT_LENGTH) : userAgent);
	}

	private record Image(String id, String contentType, byte[] bytes) {

	}

	/**
	 * The parts of an upload, by name.
	 */
	private record Upload(Part event, List<Part> segments, List<Part> images) {

		static Upload of(List<Part> parts) {
			Part event = null;
			List<Part> segments = new ArrayList<>();
			List<Part> images = new ArrayList<>();
			for (Part part : parts) {
				switch (part.name()) {
					case "segment" -> segments.add(part);
					case "image" -> images.add(part);
					case "event" -> {
						if (event != null) {
							throw new MalformedBodyException("The upload has more than one 'event' part.");
						}
						event = part;
					}
					default -> throw new MalformedBodyException("Unexpected part '"
							+ part.name().substring(0, Math.min(part.name().length(), MAX_PART_NAME_LENGTH))
							+ "'; a replay upload has 'segment' or 'image' parts and one 'event' part.");
				}
			}
			if (event == null) {
				throw new MalformedBodyException("The upload has no 'event' part.");
			}
			return new Upload(event, segments, images);
		}

	}

}
