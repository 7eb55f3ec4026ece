package dev.replay.core.playback;

import java.io.IOException;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Consumer;

import dev.replay.core.privacy.EventRedactor;
import dev.replay.core.privacy.InputMasker;
import dev.replay.core.privacy.Redaction;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.SegmentEvents;
import dev.replay.core.timeline.TimelineMerger;
import org.jspecify.annotations.Nullable;

/**
 * The masked, ordered event stream that plays a session from a moment, up to a last
 * timestamp: the events of the keyframe at or before that moment, then the merged events
 * of the segments after it, less those the keyframe already includes (as
 * {@link PlaybackIndexer} counted them); or, without a keyframe, the merged events from
 * the session's start. Every event goes through the privacy floor ({@link InputMasker}),
 * which from a keyframe also masks the values typed before it, keeps the changes of
 * inlined linked style sheets visible ({@link LinkedStyleSheets}), and then goes through
 * the session's {@link Redaction}, which follows the page from the keyframe's full
 * snapshot.
 */
public final class Playback {

	private final @Nullable PlaybackKeyframe keyframe;

	private final long lastTimestamp;

	private final Redaction redaction;

	private Playback(@Nullable PlaybackKeyframe keyframe, long lastTimestamp, Redaction redaction) {
		this.keyframe = keyframe;
		this.lastTimestamp = lastTimestamp;
		this.redaction = redaction;
	}

	/**
	 * Play a session from its first event.
	 * @param lastTimestamp epoch milliseconds of the last events to play
	 * @return the playback
	 */
	public static Playback fromStart(long lastTimestamp) {
		return new Playback(null, lastTimestamp, Redaction.NONE);
	}

	/**
	 * Play a session from a keyframe.
	 * @param keyframe the keyframe
	 * @param lastTimestamp epoch milliseconds of the last events to play
	 * @return the playback
	 */
	public static Playback fromKeyframe(PlaybackKeyframe keyframe, long lastTimestamp) {
		return new Playback(Objects.requireNonNull(keyframe, "'keyframe' must not be null"), lastTimestamp,
				Redaction.NONE);
	}

	/**
	 * The same playback with the redaction rules of the session applied to every event,
	 * the keyframe's included.
	 * @param redaction the session's redaction
	 * @return the playback
	 */
	public Playback redacted(Redaction redaction) {
		return new Playback(this.keyframe, this.lastTimestamp,
				Objects.requireNonNull(redaction, "'redaction' must not be null"));
	}

	/**
	 * The keyframe the playback starts from.
	 * @return the keyframe, or {@code null} when it starts at the session's first event
	 */
	public @Nullable PlaybackKeyframe keyframe() {
		return this.keyframe;
	}

	/**
	 * Where the segments to play start: rrweb segments whose last event is earlier hold
	 * nothing to play. Datadog segments are all needed, because their decoding carries
	 * state from one segment to the next.
	 * @return epoch milliseconds, {@link Long#MIN_VALUE} from the session's start
	 */
	public long segmentsFrom() {
		return (this.keyframe != null) ? this.keyframe.timestamp() : Long.MIN_VALUE;
	}

	/**
	 * The epoch milliseconds of the last events played: segments that start later are not
	 * read.
	 * @return the last timestamp, {@link Long#MAX_VALUE} up to the session's end
	 */
	public long lastTimestamp() {
		return this.lastTimestamp;
	}

	/**
	 * Emit the events in order, masked.
	 * @param segments the session's segments in first-timestamp order, at least those
	 * from {@link #segmentsFrom()} to {@link #lastTimestamp()}
	 * @param sink receives the events
	 * @throws IOException if a segment cannot be read
	 */
	public void forEach(Iterator<? extends SegmentEvents> segments, Consumer<RawEvent> sink) throws IOException {
		PlaybackKeyframe start = this.keyframe;
		EventRedactor redactor = this.redaction.events();
		if (start == null) {
			InputMasker masker = new InputMasker();
			LinkedStyleSheets links = new LinkedStyleSheets();
			TimelineMerger.mergeInOrder(segments, this.lastTimestamp,
					(event) -> sink.accept(redactor.redact(links.apply(masker.mask(event)))));
			return;
		}
		InputMasker masker = new InputMasker(start.maskedValues());
		LinkedStyleSheets links = new LinkedStyleSheets();
		start.events().forEach((event) -> sink.accept(redactor.redact(links.apply(masker.mask(event)))));
		int[] skipped = { 0 };
		TimelineMerger.mergeInOrder(segments, this.lastTimestamp, (event) -> {
			if (event.timestamp() < start.timestamp()) {
				return;
			}
			if (event.timestamp() == start.timestamp() && skipped[0] < start.includedAtTimestamp()) {
				skipped[0]++;
				return;
			}
			sink.accept(redactor.redact(links.apply(masker.mask(event))));
		});
	}

}
