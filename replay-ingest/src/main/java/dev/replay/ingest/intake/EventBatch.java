package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.rum.RumBatchReader;
import dev.replay.core.rum.RumEvent;
import dev.replay.ingest.rum.NewRumBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch of Datadog RUM or log events as received and read line by line, its token
 * checked against the applications its events name.
 *
 * @param request the request it came with
 * @param encoding how the client compressed it
 * @param received the bytes as received
 * @param summary what its lines hold
 * @param applications the applications its events name, sorted
 */
record EventBatch(DatadogRequest request, ContentEncoding encoding, byte[] received, RumBatchReader.Summary summary,
		List<UUID> applications) {

	private static final Logger LOG = LoggerFactory.getLogger(EventBatch.class);

	/**
	 * Read a batch and check its token.
	 * @param request the request
	 * @param limits the intake's limits
	 * @param authorization checks the token
	 * @param reader reads the inflated lines: RUM events, or log events
	 * @param slots bound how many bodies are decoded at once
	 * @return the batch
	 * @throws IOException if reading the body fails
	 */
	static EventBatch read(DatadogRequest request, IngestProperties limits, IntakeAuthorization authorization,
			BodyDecoding.StreamReader<RumBatchReader.Summary> reader, DecodingSlots slots) throws IOException {
		String token = IntakeAuthorization.present(request.token());
		ContentEncoding encoding = request.evpDeflate() ? ContentEncoding.ZLIB
				: BodyDecoding.encoding(request.contentEncoding());
		byte[] received = BodyReader.read(request.request(), limits.maxBodySize().toBytes());
		RumBatchReader.Summary summary = slots.decode(() -> BodyDecoding.read("The request body", received, encoding,
				limits.maxInflatedSize().toBytes(), reader, (message) -> new MalformedBodyException(
						"The request body cannot be inflated as " + encoding.code() + " (" + message + ").")));
		if (summary.lines() == 0) {
			throw new MalformedBodyException("The batch holds no events.");
		}
		List<UUID> applications = summary.applicationIds()
			.stream()
			.map(DatadogIds::uuidOrNull)
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		if (applications.isEmpty()) {
			authorization.requireKnown(token);
		}
		applications.forEach((application) -> authorization.requireAllowed(token, application));
		return new EventBatch(request, encoding, received, summary, applications);
	}

	/**
	 * The batch as it is stored: compressed with gzip when it arrived uncompressed.
	 * @param events the events to store in typed rows too
	 * @param skipped the lines skipped
	 * @return the batch to store
	 * @throws IOException never in practice
	 */
	NewRumBatch toStored(List<RumEvent> events, int skipped) throws IOException {
		boolean compress = this.encoding == ContentEncoding.IDENTITY;
		return new NewRumBatch(this.request.requestId(), this.applications.isEmpty() ? null : this.applications.get(0),
				this.request.track().code(), compress ? ContentEncoding.GZIP : this.encoding, this.received.length,
				this.summary.lines(), skipped, this.summary.sessionIds(),
				compress ? BodyDecoding.gzip(this.received) : this.received, events);
	}

	/**
	 * The answer to the batch.
	 * @param requestId the id the answer carries
	 * @param stored whether the batch was new
	 * @param skipped the lines skipped
	 * @return the receipt
	 */
	DatadogReceipt receipt(String requestId, boolean stored, int skipped) {
		if (skipped > 0) {
			LOG.info("Skipped {} of {} lines of {} batch {}.", skipped, this.summary.lines(),
					this.request.track().code(), requestId);
		}
		return new DatadogReceipt(requestId, stored ? 1 : 0, stored ? 0 : 1, skipped);
	}

}
