package dev.replay.ingest.intake;

import java.util.List;
import java.util.UUID;

import dev.replay.core.segment.Violation;
import dev.replay.ingest.segment.MalformedSegmentException;
import org.jspecify.annotations.Nullable;

/**
 * Reads the application ids that Datadog SDKs send as text.
 */
final class DatadogIds {

	private DatadogIds() {
	}

	/**
	 * Read the application id of a segment or resource upload.
	 * @param text the id as sent
	 * @param path where it is in the request, for the violation
	 * @return the id
	 * @throws MalformedSegmentException if it is not a UUID in its canonical form
	 */
	static UUID applicationId(String text, String path) {
		UUID uuid = uuidOrNull(text);
		if (uuid == null) {
			throw new MalformedSegmentException("The application id is not valid.",
					List.of(new Violation(path + ".application.id", "must be a UUID")));
		}
		return uuid;
	}

	/**
	 * Read a UUID written in its canonical form, in either case.
	 * @param text the text
	 * @return the UUID, or {@code null} if the text is not one
	 */
	static @Nullable UUID uuidOrNull(String text) {
		try {
			UUID uuid = UUID.fromString(text);
			return uuid.toString().equalsIgnoreCase(text) ? uuid : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
