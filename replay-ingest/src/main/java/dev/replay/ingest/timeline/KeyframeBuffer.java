package dev.replay.ingest.timeline;

import java.util.ArrayList;
import java.util.List;

import dev.replay.core.playback.PlaybackKeyframe;
import dev.replay.ingest.playback.KeyframeColumns;

/**
 * Collects the keyframes of one indexing until their stored bytes reach a size, then has
 * them written together: into one object with the object store, each at once when rows
 * hold the bytes (a size of zero).
 */
final class KeyframeBuffer {

	private final long flushBytes;

	private final Writer writer;

	private final List<PlaybackKeyframe> keyframes = new ArrayList<>();

	private final List<byte[]> events = new ArrayList<>();

	private long bytes;

	KeyframeBuffer(long flushBytes, Writer writer) {
		this.flushBytes = flushBytes;
		this.writer = writer;
	}

	void add(PlaybackKeyframe keyframe) {
		byte[] column = KeyframeColumns.events(keyframe.events());
		this.keyframes.add(keyframe);
		this.events.add(column);
		this.bytes += column.length;
		if (this.bytes >= this.flushBytes) {
			flush();
		}
	}

	void flush() {
		if (!this.keyframes.isEmpty()) {
			this.writer.write(List.copyOf(this.keyframes), List.copyOf(this.events));
			this.keyframes.clear();
			this.events.clear();
			this.bytes = 0;
		}
	}

	/**
	 * Writes keyframes with their stored events.
	 */
	@FunctionalInterface
	interface Writer {

		void write(List<PlaybackKeyframe> keyframes, List<byte[]> events);

	}

}
