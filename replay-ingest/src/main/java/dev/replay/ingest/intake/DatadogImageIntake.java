package dev.replay.ingest.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.replay.core.datadog.DatadogEventReader.Resources;
import dev.replay.ingest.intake.MultipartBody.Part;
import dev.replay.ingest.resource.ImageTypes;
import dev.replay.ingest.resource.ResourceStore;

import org.springframework.stereotype.Component;

/**
 * The images of a Datadog upload, which mobile recordings refer to: each kept once per
 * application and resource id, with the media type its bytes show.
 */
@Component
class DatadogImageIntake {

	private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

	private final IntakeAuthorization authorization;

	private final ResourceStore resources;

	DatadogImageIntake(IntakeAuthorization authorization, ResourceStore resources) {
		this.authorization = authorization;
		this.resources = resources;
	}

	DatadogReceipt accept(DatadogRequest request, ReplayUpload upload, Resources announced) {
		if (upload.images().isEmpty() || !upload.segments().isEmpty()) {
			throw new MalformedBodyException("A resource upload needs 'image' parts and no 'segment' part.");
		}
		UUID applicationId = DatadogIds.applicationId(announced.applicationId(), "event");
		this.authorization.requireAllowed(upload.token(), applicationId);
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
		return new DatadogReceipt(request.receiptId(), stored, images.size() - stored, 0);
	}

	private record Image(String id, String contentType, byte[] bytes) {

	}

}
