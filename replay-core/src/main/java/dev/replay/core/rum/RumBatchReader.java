package dev.replay.core.rum;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.replay.core.compression.CorruptCompressionException;
import dev.replay.core.compression.InflatedSizeLimitExceededException;
import dev.replay.core.rrweb.RecordingJson;
import dev.replay.core.segment.ClientText;
import dev.replay.core.segment.SessionId;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a batch of Datadog RUM or log events (newline-delimited JSON) for the ids it
 * names, skipping and counting lines that are not JSON objects; a RUM batch's events are
 * also read as {@link RumEvent}s, and those that are not valid RUM events are skipped and
 * counted too.
 */
public final class RumBatchReader {

	private static final int MAX_IDS = 1000;

	private RumBatchReader() {
	}

	/**
	 * Read a batch.
	 * @param ndjson the inflated batch
	 * @return the ids found and the line counts
	 * @throws IOException when reading fails, including
	 * {@link InflatedSizeLimitExceededException} and {@link CorruptCompressionException}
	 */
	public static Summary read(InputStream ndjson) throws IOException {
		return read(ndjson, false);
	}

	/**
	 * Read a batch of RUM events.
	 * @param ndjson the inflated batch
	 * @return the ids found, the line counts and the valid events
	 * @throws IOException when reading fails, including
	 * {@link InflatedSizeLimitExceededException} and {@link CorruptCompressionException}
	 */
	public static Summary readRum(InputStream ndjson) throws IOException {
		return read(ndjson, true);
	}

	private static Summary read(InputStream ndjson, boolean rum) throws IOException {
		List<RumEvent> events = new ArrayList<>();
		Set<String> applicationIds = new LinkedHashSet<>();
		Set<String> sessionIds = new LinkedHashSet<>();
		int lines = 0;
		int skipped = 0;
		BufferedReader reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8));
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.isBlank()) {
				continue;
			}
			lines++;
			JsonNode event = parse(line);
			if (event == null || !event.isObject()) {
				skipped++;
				continue;
			}
			addId(applicationIds, event.path("application").path("id"), event.path("application_id"));
			addSessionId(sessionIds, event.path("session").path("id"), event.path("session_id"));
			if (rum) {
				RumEvent typed = RumEventReader.fromDatadog(event, line);
				if (typed != null) {
					events.add(typed);
				}
				else {
					skipped++;
				}
			}
		}
		return new Summary(Set.copyOf(applicationIds), Set.copyOf(sessionIds), lines, skipped, List.copyOf(events));
	}

	private static @Nullable JsonNode parse(String line) {
		try {
			return RecordingJson.mapper().readTree(line);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void addId(Set<String> ids, JsonNode nested, JsonNode flat) {
		JsonNode id = nested.isString() ? nested : flat;
		if (id.isString() && !id.asString().isBlank() && id.asString().length() <= 128
				&& !ClientText.hasControl(id.asString()) && ids.size() < MAX_IDS) {
			ids.add(id.asString());
		}
	}

	// the batch is linked to the sessions it names, under valid session ids only
	private static void addSessionId(Set<String> ids, JsonNode nested, JsonNode flat) {
		JsonNode id = nested.isString() ? nested : flat;
		if (id.isString() && SessionId.isValid(id.asString()) && ids.size() < MAX_IDS) {
			ids.add(id.asString());
		}
	}

	/**
	 * What a batch names.
	 *
	 * @param applicationIds the distinct {@code application.id} values
	 * @param sessionIds the distinct {@code session.id} values
	 * @param lines the non-blank lines
	 * @param skipped the lines that were not JSON objects, or, in a RUM batch, not valid
	 * RUM events
	 * @param events the valid RUM events, in the order sent (empty for log batches)
	 */
	public record Summary(Set<String> applicationIds, Set<String> sessionIds, int lines, int skipped,
			List<RumEvent> events) {

	}

}
