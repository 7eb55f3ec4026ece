package dev.replay.ingest.intake;

import java.io.IOException;

import dev.replay.core.datadog.DatadogEventReader.Resources;
import dev.replay.core.datadog.DatadogEventReader.Segments;

import org.springframework.stereotype.Service;

/**
 * Hands what the Datadog SDKs send to the class of its track: replay segments, images,
 * RUM batches or log batches. Each stores it as received and answers only once it is
 * committed.
 */
@Service
class DatadogIntake {

	private final IngestProperties properties;

	private final DatadogSegmentIntake segments;

	private final DatadogImageIntake images;

	private final RumIntake rum;

	private final LogIntake logs;

	private final DecodingSlots slots;

	DatadogIntake(IngestProperties properties, DatadogSegmentIntake segments, DatadogImageIntake images, RumIntake rum,
			LogIntake logs, DecodingSlots slots) {
		this.properties = properties;
		this.segments = segments;
		this.images = images;
		this.rum = rum;
		this.logs = logs;
		this.slots = slots;
	}

	DatadogReceipt accept(DatadogRequest request) throws IOException {
		return switch (request.track()) {
			case REPLAY -> acceptReplay(request);
			case RUM -> this.rum.accept(request);
			case LOGS -> this.logs.accept(request);
		};
	}

	// an upload's event part tells whether it carries segments or images
	private DatadogReceipt acceptReplay(DatadogRequest request) throws IOException {
		ReplayUpload upload = ReplayUpload.read(request, this.properties, this.slots);
		if (upload.event() instanceof Resources announced) {
			return this.images.accept(request, upload, announced);
		}
		return this.segments.accept(request, upload, (Segments) upload.event());
	}

}
