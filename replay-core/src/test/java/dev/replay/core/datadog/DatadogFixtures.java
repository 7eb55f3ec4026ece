package dev.replay.core.datadog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the Datadog test recordings under {@code src/test/resources/datadog} (browser)
 * and {@code src/test/resources/mobile} (mobile) and converts them.
 */
final class DatadogFixtures {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String RESOURCES = "/api/v1/resources/";

	private DatadogFixtures() {
	}

	/**
	 * Return the inflated segments of a recorded session in {@code start} order.
	 */
	static List<byte[]> segments(String folder) {
		return segmentsUnder("datadog/" + folder);
	}

	/**
	 * Return the inflated segments of a recorded mobile session in {@code start} order.
	 */
	static List<byte[]> mobileSegments(String session) {
		return segmentsUnder("mobile/" + session);
	}

	static JsonNode mobileManifest(String session) {
		return JSON.readTree(resource("mobile/" + session + "/manifest.json"));
	}

	static List<JsonNode> convertMobile(List<byte[]> segments) {
		DatadogMobileConverter converter = new DatadogMobileConverter((resourceId) -> RESOURCES + resourceId);
		List<JsonNode> events = new ArrayList<>();
		for (byte[] segment : segments) {
			try {
				converter.convertSegment(new ByteArrayInputStream(segment),
						(bytes) -> events.add(JSON.readTree(bytes)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return events;
	}

	private static List<byte[]> segmentsUnder(String folder) {
		JsonNode manifest = JSON.readTree(resource(folder + "/manifest.json"));
		List<JsonNode> segmentList = new ArrayList<>();
		manifest.path("segmentList").forEach(segmentList::add);
		segmentList.sort(Comparator.comparingLong((segment) -> segment.path("start").asLong()));
		List<byte[]> segments = new ArrayList<>();
		for (JsonNode segment : segmentList) {
			String file = segment.path("segmentZlib").asString();
			segments.add(inflate(resource(folder + "/" + file.substring(file.lastIndexOf('/') + 1))));
		}
		return segments;
	}

	static long firstRecordTimestamp(String folder) {
		return JSON.readTree(resource("datadog/" + folder + "/manifest.json")).path("firstRecordTimestamp").asLong();
	}

	static List<JsonNode> convertFolder(String folder) {
		return convert(segments(folder));
	}

	static List<JsonNode> convertExample(String name) {
		return convert(List.of(resource("datadog/" + name)));
	}

	static List<JsonNode> convert(List<byte[]> segments) {
		DatadogReplayConverter converter = new DatadogReplayConverter();
		List<JsonNode> events = new ArrayList<>();
		for (byte[] segment : segments) {
			try {
				converter.convertSegment(new ByteArrayInputStream(segment),
						(bytes) -> events.add(JSON.readTree(bytes)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return events;
	}

	static byte[] resource(String path) {
		try (InputStream in = DatadogFixtures.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + path);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] inflate(byte[] compressed) {
		Inflater inflater = new Inflater();
		inflater.setInput(compressed);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			while (!inflater.finished()) {
				int count = inflater.inflate(buffer);
				if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					break;
				}
				out.write(buffer, 0, count);
			}
		}
		catch (DataFormatException ex) {
			throw new IllegalStateException("Corrupt zlib segment", ex);
		}
		finally {
			inflater.end();
		}
		return out.toByteArray();
	}

}
