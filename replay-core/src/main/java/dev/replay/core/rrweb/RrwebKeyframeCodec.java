package dev.replay.core.rrweb;

import java.util.List;

import dev.replay.core.dom.PageSnapshot;
import dev.replay.core.event.RecordingEvent;
import dev.replay.core.timeline.KeyframeCodec;
import dev.replay.core.timeline.RawEvent;

/**
 * The rrweb JSON format of keyframes: {@link RecordingEventReader} and
 * {@link KeyframeWriter}.
 */
public final class RrwebKeyframeCodec implements KeyframeCodec {

	/** The codec; it holds no state. */
	public static final RrwebKeyframeCodec INSTANCE = new RrwebKeyframeCodec();

	private RrwebKeyframeCodec() {
	}

	@Override
	public RecordingEvent decode(RawEvent event) {
		return RecordingEventReader.read(event);
	}

	@Override
	public List<RawEvent> encode(PageSnapshot snapshot, long timestamp) {
		return KeyframeWriter.write(snapshot, timestamp);
	}

}
