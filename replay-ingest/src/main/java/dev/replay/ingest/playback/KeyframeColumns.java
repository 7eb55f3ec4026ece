package dev.replay.ingest.playback;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.timeline.RawEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored form of a keyframe's {@code events} and {@code masked_values} columns: each
 * a gzip-compressed JSON array, written by the indexer and read by playback.
 */
public final class KeyframeColumns {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private KeyframeColumns() {
	}

	/**
	 * Write events as the {@code events} column stores them.
	 * @param events the keyframe's events
	 * @return the column's bytes
	 */
	public static byte[] events(List<RawEvent> events) {
		ByteArrayOutputStream array = new ByteArrayOutputStream();
		array.write('[');
		for (int i = 0; i < events.size(); i++) {
			if (i > 0) {
				array.write(',');
			}
			array.writeBytes(events.get(i).json());
		}
		array.write(']');
		return gzip(array.toByteArray());
	}

	/**
	 * Write sensitive values as the {@code masked_values} column stores them.
	 * @param values the values typed before the keyframe
	 * @return the column's bytes
	 */
	public static byte[] maskedValues(List<String> values) {
		return gzip(JSON.writeValueAsBytes(values));
	}

	static List<RawEvent> readEvents(byte[] column) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(column))) {
			return RrwebEventReader.readArray(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> readMaskedValues(byte[] column) {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(column))) {
			return List.of(JSON.readValue(in, String[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] gzip(byte[] json) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
			out.write(json);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
