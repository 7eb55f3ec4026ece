package dev.replay.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import dev.replay.core.codec.BoundedInflation;
import dev.replay.core.codec.ContentEncoding;
import dev.replay.core.codec.CorruptCompressionException;
import dev.replay.core.codec.InflatedSizeLimitExceededException;
import dev.replay.core.codec.NativeSegmentReader;
import dev.replay.core.segment.NativeSegment;
import dev.replay.core.segment.SessionId;
import dev.replay.core.segment.Violation;
import dev.replay.ingest.storage.ClientTokenChecks;
import dev.replay.ingest.storage.ClientTokenChecks.TokenVerdict;
import dev.replay.ingest.storage.NewSegment;
import dev.replay.ingest.storage.SegmentStore;
import dev.replay.ingest.storage.StoreOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Checks a native batch and stores it, answering only once it is committed.
 */
@Service
class SegmentIntake {

	private static final Logger LOG = LoggerFactory.getLogger(SegmentIntake.class);

	private static final String NATIVE_FORMAT = "rrweb";

	private final IngestProperties properties;

	private final ClientTokenChecks tokens;

	private final SegmentStore store;

	SegmentIntake(IngestProperties properties, ClientTokenChecks tokens, SegmentStore store) {
		this.properties = properties;
		this.tokens = tokens;
		this.store = store;
	}

	SegmentReceipt acceptNative(NativeRequest request) throws IOException {
		checkMediaType(request.contentType());
		ContentEncoding encoding = ContentEncoding.fromHttpHeader(request.contentEncoding())
			.orElseThrow(() -> new UnsupportedBodyException(
					"Content-Encoding must be gzip, deflate or identity; got '" + request.contentEncoding() + "'."));
		if (request.token() == null || request.token().isBlank()) {
			throw new InvalidClientTokenException();
		}
		if (!SessionId.isValid(request.sessionId())) {
			throw new MalformedSegmentException("The session id is not valid.",
					List.of(new Violation("sessionId", "must be 1 to 128 letters, digits, '.', '_', ':' or '-'")));
		}
		byte[] body = BodyReader.read(request.request(), this.properties.maxBodySize().toBytes());
		NativeSegment segment = parse(body, encoding);
		UUID applicationId = applicationId(segment);
		TokenVerdict verdict = this.tokens.check(request.token(), applicationId);
		if (verdict == TokenVerdict.UNKNOWN_TOKEN) {
			throw new InvalidClientTokenException();
		}
		if (verdict == TokenVerdict.NOT_ALLOWED) {
			throw new ApplicationNotAllowedException(segment.applicationId());
		}
		StoreOutcome outcome = this.store
			.store(toNewSegment(request.sessionId(), applicationId, segment, encoding, body));
		if (outcome == StoreOutcome.SESSION_CONFLICT) {
			throw new SessionConflictException(request.sessionId());
		}
		LOG.debug("Accepted segment {} of session {} ({}).", segment.sequence(), request.sessionId(), outcome);
		return new SegmentReceipt(request.sessionId(), segment.sequence(), outcome == StoreOutcome.DUPLICATE);
	}

	private static void checkMediaType(@Nullable String contentType) {
		String type = (contentType != null) ? contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT) : "";
		if (!type.equals("application/json") && !type.equals("text/plain")) {
			throw new UnsupportedBodyException(
					"Content-Type must be application/json (or text/plain for beacons); got '" + type + "'.");
		}
	}

	private NativeSegment parse(byte[] body, ContentEncoding encoding) throws IOException {
		long maxInflated = this.properties.maxInflatedSize().toBytes();
		NativeSegmentReader.Result result;
		try {
			result = NativeSegmentReader.read(BoundedInflation.open(body, encoding, maxInflated));
		}
		catch (InflatedSizeLimitExceededException ex) {
			throw new PayloadTooLargeException("The inflated body", maxInflated);
		}
		catch (CorruptCompressionException ex) {
			throw new MalformedSegmentException("The body cannot be inflated as " + encoding.code() + ".",
					List.of(new Violation("$", ex.getMessage())));
		}
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
				segment.viewId(), NATIVE_FORMAT, compress ? ContentEncoding.GZIP : encoding, segment.summary(),
				segment.context(), body.length, compress ? gzip(body) : body);
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
