package dev.replay.core.playback;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.replay.core.compression.BoundedInflation;
import dev.replay.core.datadog.DatadogFormatException;
import dev.replay.core.datadog.DatadogMobileConverter;
import dev.replay.core.datadog.DatadogReplayConverter;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.SegmentEvents;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the stored segments of one session into rrweb events. Native batches are read
 * as they were stored; Datadog browser and mobile segments go through one converter of
 * each kind for the whole session, created at its first segment of that kind, which keeps
 * the decoding state (string tables, node ids, views) from one segment to the next, so
 * segments must be decoded in first-timestamp order. A Datadog segment that cannot be
 * fully decoded keeps the events converted before the failure, so that one bad segment
 * never hides the rest of the session. Not thread-safe.
 */
public final class SessionDecoder {

	/** The most bytes one stored segment may inflate to. */
	static final long MAX_INFLATED = 1L << 30;

	private final Function<String, String> resourceUrl;

	private final Listener listener;

	private @Nullable DatadogReplayConverter browser;

	private @Nullable DatadogMobileConverter mobile;

	/**
	 * Create a decoder for one session.
	 * @param resourceUrl maps the id of an image that a mobile recording refers to to the
	 * URL the player loads it from
	 * @param listener hears of the segments that could be decoded only in part
	 */
	public SessionDecoder(Function<String, String> resourceUrl, Listener listener) {
		this.resourceUrl = Objects.requireNonNull(resourceUrl, "'resourceUrl' must not be null");
		this.listener = Objects.requireNonNull(listener, "'listener' must not be null");
	}

	/**
	 * A segment whose events are decoded when the merge reaches it.
	 * @param segment the stored segment
	 * @return its events, to be read in first-timestamp order with the session's other
	 * segments
	 */
	public SegmentEvents events(StoredSegment segment) {
		return new SegmentEvents() {

			@Override
			public long firstTimestamp() {
				return segment.firstTimestamp();
			}

			@Override
			public List<RawEvent> read() throws IOException {
				return decode(segment);
			}

		};
	}

	/**
	 * Decode a segment.
	 * @param segment the stored segment, the next of the session in first-timestamp order
	 * @return its events, in the order they were recorded
	 * @throws IOException if the bytes cannot be inflated, or a native batch cannot be
	 * read
	 */
	public List<RawEvent> decode(StoredSegment segment) throws IOException {
		try (InputStream in = BoundedInflation.open(segment.body(), segment.encoding(), MAX_INFLATED)) {
			return switch (segment.format()) {
				case RRWEB -> RrwebEventReader.readNativeBatch(in);
				case DATADOG_BROWSER -> convert(segment, in, browser()::convertSegment);
				case DATADOG_MOBILE -> convert(segment, in, mobile()::convertSegment);
			};
		}
	}

	private DatadogReplayConverter browser() {
		if (this.browser == null) {
			this.browser = new DatadogReplayConverter();
		}
		return this.browser;
	}

	private DatadogMobileConverter mobile() {
		if (this.mobile == null) {
			this.mobile = new DatadogMobileConverter(this.resourceUrl);
		}
		return this.mobile;
	}

	private List<RawEvent> convert(StoredSegment segment, InputStream in, Converter converter) throws IOException {
		List<RawEvent> events = new ArrayList<>();
		try {
			converter.convert(in, (json) -> events.add(RrwebEventReader.toRawEvent(json)));
		}
		catch (DatadogFormatException ex) {
			this.listener.partlyDecoded(segment, ex);
		}
		return events;
	}

	/**
	 * Hears of the segments that could be decoded only in part.
	 */
	@FunctionalInterface
	public interface Listener {

		/**
		 * A segment could be decoded only up to a record; its events before that record
		 * are played.
		 * @param segment the segment
		 * @param problem what could not be decoded
		 */
		void partlyDecoded(StoredSegment segment, DatadogFormatException problem);

	}

	@FunctionalInterface
	private interface Converter {

		void convert(InputStream in, Consumer<byte[]> sink) throws IOException;

	}

}
