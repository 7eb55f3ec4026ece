package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.rrweb.NativeSegmentReader;
import dev.replay.core.segment.NativeSegment;
import dev.replay.core.segment.SegmentFormat;
import dev.replay.core.segment.SessionId;
import dev.replay.core.segment.Violation;
import dev.replay.ingest.segment.MalformedSegmentException;
import dev.replay.ingest.segment.NewSegment;
import dev.replay.ingest.segment.SegmentCommitter;
import dev.replay.ingest.segment.SegmentWrite;
import dev.replay.ingest.segment.SessionConflictException;
import dev.replay.ingest.segment.SessionGoneException;
import dev.replay.ingest.segment.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Checks a native batch and stores it, answering only once it is committed.
 */
@Service
class SegmentIntake {

	private static final Logger LOG = LoggerFactory.getLogger(SegmentIntake.class);

	private static final List<String> NATIVE_MEDIA_TYPES = List.of("application/json", "text/plain");

	private final IngestProperties properties;

	private final IntakeAuthorization authorization;

	private final SegmentCommitter committer;

	private final EventTimeWindow window;

	private final DecodingSlots slots;

	SegmentIntake(IngestProperties properties, IntakeAuthorization authorization, SegmentCommitter committer,
			EventTimeWindow window, DecodingSlots slots) {
		this.properties = properties;
		this.authorization = authorization;
		this.committer = committer;
		this.window = window;
		this.slots = slots;
	}

	SegmentReceipt acceptNative(NativeRequest request) throws IOException {
		BodyDecoding.requireMediaType(request.contentType(), NATIVE_MEDIA_TYPES);
		ContentEncoding encoding = BodyDecoding.encoding(request.contentEncoding());
		String token = IntakeAuthorization.present(request.token());
		if (!SessionId.isValid(request.sessionId())) {
			throw new MalformedSegmentException("The session id is not valid.",
					List.of(new Violation("sessionId", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")));
		}
		byte[] body = BodyReader.read(request.request(), this.properties.maxBodySize().toBytes());
		NativeSegment segment = parse(body, encoding);
		this.window.require("events", segment.summary().firstTimestamp(), segment.summary().lastTimestamp());
		UUID applicationId = applicationId(segment);
		this.authorization.requireAllowed(token, applicationId);
		WriteResult result = this.committer
			.write(SegmentWrite.of(List.of(toNewSegment(request.sessionId(), applicationId, segment, encoding, body))));
		if (result.status() == WriteResult.Status.SESSION_GONE) {
			throw new SessionGoneException(request.sessionId());
		}
		if (result.status() == WriteResult.Status.SESSION_CONFLICT) {
			throw new SessionConflictException(request.sessionId());
		}
		LOG.debug("Accepted segment {} of session {} ({} new).", segment.sequence(), request.sessionId(),
				result.stored());
		return new SegmentReceipt(request.sessionId(), segment.sequence(), result.stored() == 0);
	}

	private NativeSegment parse(byte[] body, ContentEncoding encoding) throws IOException {
		long maxInflated = this.properties.maxInflatedSize().toBytes();
		NativeSegmentReader.Result result = this.slots
			.decode(() -> BodyDecoding.read("The body", body, encoding, maxInflated, NativeSegmentReader::read,
					(message) -> new MalformedSegmentException(
							"The body cannot be inflated as " + encoding.code() + ".",
							List.of(new Violation("$", String.valueOf(message))))));
		if (result.segment() == null) {
			throw new MalformedSegmentException("The body is not a valid batch of rrweb events.", result.violations());
		}
		return result.segment();
	}

	private static UUID applicationId(NativeSegment segment) {
		try {
			return UUID.fromString(segment.applicationId());
		}
		catch (IllegalArgumentException ex) {
			throw new MalformedSegmentException("The application id is not valid.",
					List.of(new Violation("applicationId", "must be a UUID")));
		}
	}

	private static NewSegment toNewSegment(String sessionId, UUID applicationId, NativeSegment segment,
			ContentEncoding encoding, byte[] body) throws IOException {
		boolean compress = encoding == ContentEncoding.IDENTITY;
		return new NewSegment(sessionId, applicationId, "browser", "seq:" + segment.sequence(), segment.sequence(),
				segment.viewId(), SegmentFormat.RRWEB.code(), compress ? ContentEncoding.GZIP : encoding,
				segment.summary(), segment.context(), body.length, compress ? BodyDecoding.gzip(body) : body);
	}

}
