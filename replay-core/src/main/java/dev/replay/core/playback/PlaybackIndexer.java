package dev.replay.core.playback;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.replay.core.event.EventType;
import dev.replay.core.privacy.EventRedactor;
import dev.replay.core.privacy.InputMasker;
import dev.replay.core.privacy.Redaction;
import dev.replay.core.rrweb.RrwebEventReader;
import dev.replay.core.rrweb.RrwebKeyframeCodec;
import dev.replay.core.timeline.Keyframe;
import dev.replay.core.timeline.KeyframePolicy;
import dev.replay.core.timeline.RawEvent;
import dev.replay.core.timeline.TimelineIndexer;
import dev.replay.core.timeline.TimelineSummary;
import org.jspecify.annotations.Nullable;

/**
 * The indexing side of {@link Playback}: takes a session's merged event stream once,
 * masks it with the privacy floor ({@link InputMasker}), keeps the changes of inlined
 * linked style sheets ({@link LinkedStyleSheets}), applies the session's
 * {@link Redaction}, and produces its timeline summary and the keyframes a playback
 * starts from, each with the count of events at its timestamp that it already includes.
 * Keyframes are those of the keyframe builder, at the spacing of a
 * {@link KeyframePolicy}, and one at each full snapshot the recorder itself took (a Meta
 * and a FullSnapshot in a row), so that a playback can start at the latest of either. Not
 * thread-safe.
 */
public final class PlaybackIndexer {

	private final InputMasker masker = new InputMasker();

	private final LinkedStyleSheets links = new LinkedStyleSheets();

	private final EventRedactor redactor;

	private final StreamPosition position = new StreamPosition();

	private final Consumer<PlaybackKeyframe> keyframes;

	private final TimelineIndexer timeline;

	private long sessionStart = Long.MIN_VALUE;

	private @Nullable RawEvent meta;

	/**
	 * Create an indexer for a session's stream from its first event.
	 * @param policy when the keyframe builder writes keyframes
	 * @param keyframes receives each keyframe as soon as it is known
	 */
	public PlaybackIndexer(KeyframePolicy policy, Consumer<PlaybackKeyframe> keyframes) {
		this(policy, Redaction.NONE, keyframes);
	}

	/**
	 * Create an indexer for a session's stream from its first event, whose keyframes and
	 * summary leave out what a redaction masks.
	 * @param policy when the keyframe builder writes keyframes
	 * @param redaction the session's redaction rules
	 * @param keyframes receives each keyframe as soon as it is known
	 */
	public PlaybackIndexer(KeyframePolicy policy, Redaction redaction, Consumer<PlaybackKeyframe> keyframes) {
		this.redactor = Objects.requireNonNull(redaction, "'redaction' must not be null").events();
		this.keyframes = Objects.requireNonNull(keyframes, "'keyframes' must not be null");
		this.timeline = new TimelineIndexer(policy, RrwebKeyframeCodec.INSTANCE, this::written);
	}

	/**
	 * Take the next event of the merged stream.
	 * @param event the event as stored
	 * @return the event masked and redacted, as playback serves it
	 */
	public RawEvent accept(RawEvent event) {
		RawEvent masked = this.redactor.redact(this.links.apply(this.masker.mask(event)));
		this.position.taken(masked);
		this.timeline.accept(masked);
		recordedSnapshot(masked);
		return masked;
	}

	/**
	 * The number of events taken.
	 * @return the count
	 */
	public long eventCount() {
		return this.position.events();
	}

	/**
	 * The timeline summary of the events taken.
	 * @return the summary
	 */
	public TimelineSummary finish() {
		return this.timeline.finish();
	}

	private void written(Keyframe keyframe) {
		this.keyframes
			.accept(PlaybackKeyframe.of(keyframe, this.position.includedAt(keyframe), this.masker.knownValues()));
	}

	private void recordedSnapshot(RawEvent event) {
		if (this.sessionStart == Long.MIN_VALUE) {
			this.sessionStart = event.timestamp();
		}
		int type = RrwebEventReader.typeOf(event.json());
		RawEvent previous = this.meta;
		this.meta = (type == EventType.META.code()) ? event : null;
		if (type == EventType.FULL_SNAPSHOT.code() && previous != null && this.position.events() > 2) {
			written(new Keyframe(event.timestamp() - this.sessionStart, event.timestamp(), this.position.events(),
					List.of(previous, event)));
		}
	}

}
