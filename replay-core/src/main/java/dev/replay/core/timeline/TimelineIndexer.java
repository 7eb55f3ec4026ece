package dev.replay.core.timeline;

import java.util.function.Consumer;

import dev.replay.core.event.RecordingEvent;

/**
 * Reads a session's merged event stream once and produces both its keyframes and its
 * {@link TimelineSummary}, decoding each event only once. Memory holds the current page
 * state and the summary's figures, never the events. Not thread-safe.
 */
public final class TimelineIndexer {

	private final KeyframeCodec codec;

	private final KeyframeBuilder keyframes;

	private final TimelineSummaryBuilder summary;

	/**
	 * Create an indexer.
	 * @param policy when to write keyframes
	 * @param codec reads events and writes keyframes
	 * ({@code RrwebKeyframeCodec.INSTANCE})
	 * @param keyframes receives each keyframe as it is written
	 */
	public TimelineIndexer(KeyframePolicy policy, KeyframeCodec codec, Consumer<Keyframe> keyframes) {
		this.codec = codec;
		this.keyframes = new KeyframeBuilder(policy, codec, keyframes);
		this.summary = new TimelineSummaryBuilder(this.keyframes.state()::describe);
	}

	/**
	 * Take the next event of the stream.
	 * @param event the event
	 */
	public void accept(RawEvent event) {
		RecordingEvent decoded = this.codec.decode(event);
		this.summary.accept(decoded);
		this.keyframes.accept(event, decoded);
	}

	/**
	 * The summary of the events taken.
	 * @return the summary
	 */
	public TimelineSummary finish() {
		return this.summary.finish();
	}

}
