package dev.replay.ingest.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.replay.core.compression.ContentEncoding;
import dev.replay.core.datadog.DatadogEventReader;
import dev.replay.core.datadog.DatadogEventReader.Event;
import dev.replay.ingest.intake.MultipartBody.Part;
import dev.replay.ingest.segment.MalformedSegmentException;

/**
 * A Datadog replay upload, read into memory and split into its parts: one {@code event}
 * part, whose metadata announces either segments or images, and those parts.
 *
 * @param token the client token, present but not yet checked
 * @param event what the event part announces
 * @param segments the {@code segment} parts
 * @param images the {@code image} parts
 */
record ReplayUpload(String token, Event event, List<Part> segments, List<Part> images) {

	private static final int MAX_PART_NAME_LENGTH = 64;

	/**
	 * Read an upload.
	 * @param request the request
	 * @param limits the intake's limits
	 * @param slots bound how many bodies are decoded at once
	 * @return the upload
	 * @throws IOException if reading the body fails
	 */
	static ReplayUpload read(DatadogRequest request, IngestProperties limits, DecodingSlots slots) throws IOException {
		String token = IntakeAuthorization.present(request.token());
		String boundary = MultipartBody.boundary(request.contentType());
		ContentEncoding encoding = BodyDecoding.encoding(request.contentEncoding());
		byte[] received = BodyReader.read(request.request(), limits.maxBodySize().toBytes());
		return slots.decode(() -> parse(token, boundary,
				BodyDecoding.decodeBody(received, encoding, limits.maxInflatedSize().toBytes())));
	}

	private static ReplayUpload parse(String token, String boundary, byte[] body) {
		Part event = null;
		List<Part> segments = new ArrayList<>();
		List<Part> images = new ArrayList<>();
		for (Part part : MultipartBody.parse(body, boundary)) {
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
		DatadogEventReader.Result metadata = DatadogEventReader.read(event.content());
		if (metadata.event() == null) {
			throw new MalformedSegmentException("The event part is not valid segment or resource metadata.",
					metadata.violations());
		}
		return new ReplayUpload(token, metadata.event(), segments, images);
	}

}
